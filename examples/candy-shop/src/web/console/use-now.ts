import { useEffect, useState } from 'react';

/**
 * The current time, ticking once a second while mounted, for countdowns and waits.
 *
 * @example
 * const now = useNow();
 * const left = dueAt - now;
 */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
