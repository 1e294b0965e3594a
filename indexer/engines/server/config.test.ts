import { describe, expect, it } from 'vitest';
import { configuredServerEngine } from '../server-search.ts';
import { resolveConnection } from './config.ts';

describe('resolveConnection', () => {
  it('takes flags before the environment', () => {
    const env = { MEILISEARCH_URL: 'http://env:7700', MEILISEARCH_KEY: 'env-key' };
    expect(resolveConnection('meilisearch', env, { url: 'http://flag:7700', key: 'flag-key', indexName: 'kb' })).toEqual({
      engine: 'meilisearch',
      url: 'http://flag:7700',
      key: 'flag-key',
      indexName: 'kb',
    });
    expect(resolveConnection('meilisearch', env)).toMatchObject({ url: 'http://env:7700', key: 'env-key', indexName: 'taldau' });
  });

  it('gives the search endpoint the search-only Meilisearch key', () => {
    const env = { MEILISEARCH_URL: 'http://m', MEILISEARCH_KEY: 'admin', MEILISEARCH_SEARCH_KEY: 'search' };
    expect(resolveConnection('meilisearch', env, {}, 'search')).toMatchObject({ key: 'search' });
    expect(resolveConnection('meilisearch', env, {}, 'write')).toMatchObject({ key: 'admin' });
  });

  it('uses an Elasticsearch API key, else user and password', () => {
    expect(resolveConnection('elasticsearch', { ELASTICSEARCH_URL: 'https://e', ELASTICSEARCH_API_KEY: 'k' })).toMatchObject({ apiKey: 'k' });
    expect(resolveConnection('elasticsearch', { ELASTICSEARCH_URL: 'https://e', ELASTICSEARCH_USERNAME: 'u', ELASTICSEARCH_PASSWORD: 'p' })).toMatchObject({
      username: 'u',
      password: 'p',
    });
    expect(() => resolveConnection('elasticsearch', { ELASTICSEARCH_URL: 'https://e', ELASTICSEARCH_USERNAME: 'u' })).toThrow(/PASSWORD/);
    expect(resolveConnection('elasticsearch', { ELASTICSEARCH_URL: 'https://e', ELASTICSEARCH_CA_CERT: '/certs/ca.crt' })).toMatchObject({ caCertPath: '/certs/ca.crt' });
  });

  it('says what is missing or malformed', () => {
    expect(() => resolveConnection('meilisearch', {})).toThrow(/MEILISEARCH_URL/);
    expect(() => resolveConnection('elasticsearch', {})).toThrow(/ELASTICSEARCH_URL/);
    expect(() => resolveConnection('meilisearch', { MEILISEARCH_URL: 'http://m' }, { indexName: 'Bad Name' })).toThrow(/index name/);
  });
});

describe('configuredServerEngine', () => {
  it('is null for the static default and refuses unknown engines', () => {
    expect(configuredServerEngine({})).toBeNull();
    expect(configuredServerEngine({ TALDAU_SEARCH_ENGINE: 'pagefind' })).toBeNull();
    expect(configuredServerEngine({ TALDAU_SEARCH_ENGINE: 'elasticsearch' })).toBe('elasticsearch');
    expect(() => configuredServerEngine({ TALDAU_SEARCH_ENGINE: 'solr' })).toThrow(/not a search server/);
  });
});
