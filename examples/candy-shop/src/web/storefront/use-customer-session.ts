import { useCallback, useEffect, useState } from 'react';
import type { CustomerSession } from '../../shared/demo-api';
import { demoFetch } from '../shared/demo-fetch';

const KEY = 'candy-shop.customer';

/**
 * The signed-in demo customer. Signing in asks the shop's server to sign the customer id
 * (`POST /api/customer-session`); the page never sees the secret. Kept in localStorage so a
 * reload stays signed in.
 */
export function useCustomerSession() {
  const [session, setSession] = useState<CustomerSession | null>(() => {
    const saved = window.localStorage.getItem(KEY);
    return saved ? (JSON.parse(saved) as CustomerSession) : null;
  });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (session) window.localStorage.setItem(KEY, JSON.stringify(session));
    else window.localStorage.removeItem(KEY);
  }, [session]);

  const signIn = useCallback(async (customerId: string) => {
    setError(null);
    try {
      setSession(
        await demoFetch<CustomerSession>('/api/customer-session', {
          method: 'POST',
          body: { customerId },
        }),
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, []);
  const signOut = useCallback(() => setSession(null), []);
  return { session, error, signIn, signOut };
}
