export { ServerEngineError } from './server-engine-error.ts';
export { EngineUnreachableError } from './engine-unreachable-error.ts';
export { EngineAuthError } from './engine-auth-error.ts';
export { IndexWriteError, type FailedDocument } from './index-write-error.ts';
