import { fileURLToPath } from 'node:url';

/** Fixture content trees shared by the indexer tests. */
export const VALID_DIR = fileURLToPath(new URL('./fixtures/valid/', import.meta.url));
export const BROKEN_DIR = fileURLToPath(new URL('./fixtures/broken/', import.meta.url));
/** Less common mistakes: pairs missing fields, dangling links, bad file names, future dates. */
export const EDGE_DIR = fileURLToPath(new URL('./fixtures/edge/', import.meta.url));
/** Fixed "today" so that the future-date rule does not drift with the clock. */
export const TODAY = '2024-06-01';
