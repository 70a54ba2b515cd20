import type { ClientMessage } from '@kefu/client';

const ORDER_REF = /SO-\d{8}-\d{4}/g;

/** The order number mentioned last in the conversation (订单号), e.g. `SO-20261111-0042`. */
export function lastOrderRef(messages: readonly ClientMessage[]): string | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const found = messages[index]?.text.match(ORDER_REF);
    if (found) return found.at(-1) ?? null;
  }
  return null;
}
