/** The backend boundary without any element: for portal code and server-side tests. No DOM is touched. */
export type { SelAdapter, VersionedAccount, RequestOptions } from './api/adapter.js';
export { RestAdapter, type RestAdapterOptions } from './api/rest-adapter.js';
export {
  MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryFault,
  type MemoryFaultKind,
  type MemoryOperation,
} from './api/memory-adapter.js';
export { SelError, SEL_ERROR_KINDS, isSelError, type SelErrorKind, type FieldError } from './api/errors.js';
export * from './api/schemas.js';
export { configure, resetConfig, type SelConfig, type CsrfTokenSource } from './config.js';
