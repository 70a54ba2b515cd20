import { runBlobStoreConformance } from '../testing/blob-store-conformance';
import { createMemoryBlobStore } from './memory-blob-store';

runBlobStoreConformance({ name: 'memory', createStore: () => createMemoryBlobStore() });
