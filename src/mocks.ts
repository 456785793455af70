/** MSW handlers implementing the HTTP contract, for Storybook and for portals' own tests. */
export { createSelHandlers, type SelHandlersOptions } from './mocks/handlers.js';
export { handleContractRequest, NETWORK_ERROR, type ContractAnswer } from './mocks/contract-http.js';
export { demoAccount, DEMO_PASSWORD } from './mocks/demo-account.js';
export {
  MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryFault,
  type MemoryFaultKind,
  type MemoryOperation,
} from './mocks/memory-adapter.js';
export { accountLockedFault, demoPasswordState, type DemoPasswordState } from './mocks/password-states.js';
