/**
 * Vitest global setup: the live Meilisearch/Elasticsearch suites only run against real servers, so say
 * plainly at the end of `npm test` which of them did not run and how to run them.
 */
const LIVE = [
  ['MEILISEARCH_URL', 'live Meilisearch suite'],
  ['ELASTICSEARCH_URL', 'live Elasticsearch suite'],
] as const;

export default function setup() {
  return () => {
    const missing = LIVE.filter(([variable]) => !process.env[variable]);
    for (const [variable, suite] of missing) {
      console.log(`note: the ${suite} (indexer/engines/integration.test.ts) did not run: set ${variable} to run it against a server`);
    }
  };
}
