import { z } from 'zod';
import { IdSchema, InstantSchema, MetadataSchema } from '../validation/common-schemas';

/**
 * Known tiers; shops may use their own labels too (`gold`, `svip`…).
 *
 * @example
 * ```ts
 * const tier: CustomerTier = order.total > 100_000 ? 'vip' : 'standard';
 * await desk.customers.upsert({ id: 'cus_lin', tier });
 * ```
 */
export type CustomerTier = 'standard' | 'vip' | (string & {});

export const CustomerContactSchema = z.object({
  email: z.email().optional(),
  phone: z.string().min(3).max(32).optional(),
});

/**
 * What a shop may say about a customer when creating or updating them.
 *
 * @example
 * ```ts
 * const input = CustomerInputSchema.parse({ id: 'cus_lin', name: '林小姐', contact: { phone: '13800138000' }, tier: 'vip' });
 * ```
 */
export const CustomerInputSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(200).optional(),
  contact: CustomerContactSchema.optional(),
  tier: z.string().trim().min(1).max(40).optional(),
  locale: z.string().min(2).max(35).optional(),
  metadata: MetadataSchema.optional(),
});

/**
 * Values a new customer gets for fields the shop leaves out.
 *
 * @example
 * ```ts
 * const customer = { ...CUSTOMER_DEFAULTS, id: 'cus_lin' }; // standard tier, zh-CN
 * ```
 */
export const CUSTOMER_DEFAULTS = { contact: {}, tier: 'standard', locale: 'zh-CN', metadata: {} };

/**
 * Fields left out keep their stored value (or the default, for a new customer).
 *
 * @example
 * ```ts
 * const input: CustomerInput = { id: 'cus_lin', locale: 'en' };
 * await desk.customers.upsert(input);
 * ```
 */
export type CustomerInput = z.input<typeof CustomerInputSchema>;

/**
 * A customer as stored, every field filled in.
 *
 * @example
 * ```ts
 * const customer = CustomerSchema.parse(JSON.parse(row.data));
 * ```
 */
export const CustomerSchema = CustomerInputSchema.extend({
  contact: CustomerContactSchema,
  tier: z.string().min(1).max(40),
  locale: z.string().min(2).max(35),
  metadata: MetadataSchema,
  /**
   * Set when erasure was requested (`desk.privacy.eraseCustomer`): from then on nothing new about
   * the customer is accepted (see `requireCustomerWritable`).
   */
  erasureRequestedAt: InstantSchema.optional(),
  /** Set when the customer's personal data was erased (`desk.privacy.eraseCustomer`). */
  erasedAt: InstantSchema.optional(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  version: z.number().int().positive(),
});

/**
 * A shop's customer (顾客): who they are, how to reach them, their tier (e.g. `vip` 会员).
 *
 * @example
 * ```ts
 * const customer: Customer | null = await desk.customers.get('cus_lin');
 * if (customer?.tier === 'vip') console.log('VIP', customer.name);
 * ```
 */
export type Customer = z.infer<typeof CustomerSchema>;
