import type { KefuClient } from '@kefu/client';
import { useContext } from 'react';
import { KefuContext } from '../provider/kefu-context';

/**
 * The client from the nearest `KefuProvider`.
 *
 * @example
 * const client = useKefuClient();
 * client.send(conversationId, '谢谢！');
 */
export function useKefuClient(): KefuClient {
  const client = useContext(KefuContext);
  if (!client) {
    throw new Error(
      'No Kefu client here: wrap the component in <KefuProvider client={…}> or <KefuProvider options={…}>.',
    );
  }
  return client;
}
