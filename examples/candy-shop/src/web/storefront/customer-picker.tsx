import { useEffect, useState } from 'react';
import type { AccountsResponse, DemoCustomer } from '../../shared/demo-api';
import { demoFetch } from '../shared/demo-fetch';

/** The demo's sign-in: pick one of the seeded customers. A real shop has its own login. */
export function CustomerPicker({
  current,
  onPick,
  onSignOut,
}: {
  current: DemoCustomer | null;
  onPick(customerId: string): void;
  onSignOut(): void;
}) {
  const [customers, setCustomers] = useState<DemoCustomer[]>([]);
  useEffect(() => {
    demoFetch<AccountsResponse>('/api/accounts').then(
      (accounts) => setCustomers(accounts.customers),
      () => setCustomers([]),
    );
  }, []);
  return (
    <div className="account">
      <label>
        <span>顾客 Customer</span>
        <select
          aria-label="Sign in as"
          value={current?.id ?? ''}
          onChange={(event) => (event.target.value ? onPick(event.target.value) : onSignOut())}
        >
          <option value="">— 登录 Sign in —</option>
          {customers.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.name}
              {customer.tier === 'vip' ? ' · VIP' : ''}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
