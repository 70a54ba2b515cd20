import { createHash } from 'node:crypto';
import type { Desk } from '@kefu/core';
import type { EmailSender } from '../channel-options';

/**
 * The customer id the default `resolveCustomer` gives an address: the same address always gets
 * the same id, on every node and after restarts.
 *
 * @example
 * emailCustomerId('Lin@Candy.example'); // → 'email_…' (same as for 'lin@candy.example')
 */
export function emailCustomerId(address: string): string {
  const normalised = address.trim().toLowerCase();
  return `email_${createHash('sha256').update(normalised).digest('hex').slice(0, 24)}`;
}

/** The default `resolveCustomer`: a deterministic id, the customer created with the address. */
export function upsertingResolver(desk: Desk) {
  return async (sender: EmailSender): Promise<string> => {
    const id = emailCustomerId(sender.address);
    if (await desk.customers.get(id)) return id;
    const name = sender.name.trim().slice(0, 200);
    await desk.customers.upsert({
      id,
      ...(name ? { name } : {}),
      contact: { email: sender.address },
    });
    return id;
  };
}
