import type Mock from '@elastic/elasticsearch-mock';
import { createElasticClient } from './client.ts';
import { createElasticSearch, type ElasticSearchEngine } from './search.ts';

/** For tests: the search engine over the alias `taldau`, talking to `@elastic/elasticsearch-mock`. */
export function searchOverMock(mock: Mock): ElasticSearchEngine {
  const connection = { url: 'http://es.test:9200', apiKey: 'k' };
  return createElasticSearch({ engine: 'elasticsearch', indexName: 'taldau', ...connection }, createElasticClient(connection, { Connection: mock.getConnection() }));
}
