export type { MemoryAdapterOptions } from './create-memory-adapter';
export { createMemoryAdapter } from './create-memory-adapter';
