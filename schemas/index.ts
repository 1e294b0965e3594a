export * from './common.ts';
export * from './classifier.ts';
export * from './courts.ts';
export * from './norms.ts';
export * from './documents.ts';
export * from './kb-document.ts';
export * from './facets.ts';
export * from './search.ts';
