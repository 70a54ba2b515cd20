import type { RunCommand } from '../desk/command-runner';
import type { StorageAdapter } from '../storage/storage-adapter';
import { upsertRecord } from '../storage/upsert-record';
import { IdSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import {
  CUSTOMER_DEFAULTS,
  type Customer,
  type CustomerInput,
  CustomerInputSchema,
} from './customer';
import { erasingError, isErasing } from './customer-guard';

/**
 * Customer profiles (顾客资料).
 *
 * @example
 * await desk.customers.upsert({ id: 'cus_lin', name: '林小糖', tier: 'vip' });
 * const customer = await desk.customers.get('cus_lin');
 */
export interface CustomersApi {
  /**
   * Creates the customer, or updates the fields given. Emits `customer.upserted`.
   *
   * @example
   * await desk.customers.upsert({ id: 'cus_lin', name: '林小糖', tier: 'vip', locale: 'zh-CN' });
   */
  upsert(input: CustomerInput): Promise<Customer>;
  /** The customer, or `null`. */
  get(id: string): Promise<Customer | null>;
}

export function createCustomersApi(storage: StorageAdapter, run: RunCommand): CustomersApi {
  return {
    async upsert(input) {
      const fields = parseInput(CustomerInputSchema, input, 'customer');
      return run(async (tx, context) => {
        const { record, created, previous } = await upsertRecord<Customer>(
          tx.customers,
          context,
          fields,
          CUSTOMER_DEFAULTS,
        );
        // The stored row was read FOR UPDATE: an erasure request either waits for this or is seen.
        if (previous && isErasing(previous)) throw erasingError(previous, 'a profile update');
        context.emit({
          type: 'customer.upserted',
          at: context.now,
          subject: { kind: 'customer', id: record.id },
          data: { customer: record, created },
        });
        return record;
      });
    },
    async get(id) {
      return storage.read.customers.get(parseInput(IdSchema, id, 'customer id'));
    },
  };
}
