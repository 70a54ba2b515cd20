/**
 * In-process storage for Kefu: the default for tests, demos and quick starts.
 *
 * @module @kefu/adapter-memory
 */
export type { MemoryAdapterOptions } from './create-memory-adapter';
export { createMemoryAdapter } from './create-memory-adapter';
