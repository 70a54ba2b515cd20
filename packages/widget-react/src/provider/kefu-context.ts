import type { KefuClient } from '@kefu/client';
import { createContext } from 'react';

/**
 * The client the hooks read; set by `KefuProvider`.
 *
 * @example
 * <KefuContext.Provider value={client}>
 *   <ChatWidget />
 * </KefuContext.Provider>
 */
export const KefuContext = createContext<KefuClient | null>(null);
