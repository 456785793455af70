/**
 * The backend boundary without any element: for portal code. No DOM is touched. The in-memory backend for
 * demos and tests is in `sel-widgets/mocks`, so no demo account or demo password reaches production code.
 */
export type { SelAdapter, VersionedAccount, RequestOptions } from './api/adapter.js';
export { RestAdapter, type RestAdapterOptions } from './api/rest-adapter.js';
export { SelError, SEL_ERROR_KINDS, isSelError, type SelErrorKind, type FieldError } from './api/errors.js';
// The request bodies' schemas (`accountPatchSchema`, `passwordChangeSchema`) are in `sel-widgets/core`, the
// server's side: the elements and portals build those bodies, they never parse them.
export * from './contract/schemas.js';
export * from './contract/problem-codes.js';
export { configure, resetConfig, type SelConfig, type CsrfTokenSource } from './config.js';
