import { KefuError } from '../errors/kefu-error';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { Customer } from './customer';

/**
 * Whether the customer's data is being erased or was erased: from the erasure request on, the
 * desk accepts nothing new about them (docs/concepts/privacy.md, "Writes during erasure").
 *
 * @example
 * if (isErasing(customer)) console.log('read-only: erasure requested at', customer.erasureRequestedAt);
 */
export function isErasing(customer: Customer): boolean {
  return customer.erasureRequestedAt !== undefined || customer.erasedAt !== undefined;
}

/** The `FORBIDDEN` error for a write about a customer whose data is being (or was) erased. */
export function erasingError(customer: Customer, what: string): KefuError {
  const erased = customer.erasedAt !== undefined;
  return new KefuError(
    'FORBIDDEN',
    erased
      ? `Customer "${customer.id}" was erased; ${what} is refused. Use a new customer id for new contact.`
      : `Customer "${customer.id}" is being erased; ${what} is refused until the erasure is done.`,
    { details: { customerId: customer.id, erasure: erased ? 'done' : 'in-progress' } },
  );
}

/**
 * The customer, for a write that adds data about them: `NOT_FOUND` when there is none,
 * `FORBIDDEN` (`details.erasure`) once their erasure was requested. With `lock`, the row is read
 * `FOR UPDATE`, so the write and an erasure request take turns: either the write commits first
 * (and the erasure job, which starts after the request, covers it) or it sees the request.
 * Writes that already hold a lock on a record the erasure job locks too (a ticket, a
 * conversation) pass `lock: false`: that lock orders them against the job's batch instead.
 */
export async function requireCustomerWritable(
  tx: StorageTransaction,
  customerId: string,
  what: string,
  options: { lock: boolean },
): Promise<Customer> {
  const customer = await tx.customers.get(customerId, { forUpdate: options.lock });
  if (!customer) {
    throw new KefuError(
      'NOT_FOUND',
      `No customer "${customerId}". Create it with desk.customers.upsert first.`,
    );
  }
  if (isErasing(customer)) throw erasingError(customer, what);
  return customer;
}
