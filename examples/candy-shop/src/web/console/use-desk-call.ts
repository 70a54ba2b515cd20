import type { AgentCallMethod } from '@kefu/client';
import { useAgentClient } from '@kefu/widget-react/agent';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface DeskCall<T> {
  data: T | null;
  error: string | null;
  /** The gateway's error code (`FORBIDDEN`, `VALIDATION`…) when the call failed. */
  errorCode: string | null;
  loading: boolean;
  reload(): void;
}

/**
 * The result of one allow-listed desk call (`client.call`), made when the input changes, after
 * `reload()`, when `refreshKey` changes, and every `refreshMs` when given (for data the gateway
 * does not push to agents, such as tickets and metrics). `input: null` makes no call.
 *
 * @example
 * const customer = useDeskCall<Customer>('customers.get', { customerId });
 */
export function useDeskCall<T>(
  method: AgentCallMethod,
  input: Record<string, unknown> | null,
  options: { refreshMs?: number; refreshKey?: unknown } = {},
): DeskCall<T> {
  const client = useAgentClient();
  const [state, setState] = useState<Omit<DeskCall<T>, 'reload'>>({
    data: null,
    error: null,
    errorCode: null,
    loading: input !== null,
  });
  const [round, setRound] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the input is compared by its JSON key
  useEffect(() => {
    if (key === null || inputRef.current === null) {
      setState({ data: null, error: null, errorCode: null, loading: false });
      return;
    }
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    client.call<T>(method, inputRef.current).then(
      (data) => live && setState({ data, error: null, errorCode: null, loading: false }),
      (failure: unknown) =>
        live &&
        setState((previous) => ({
          data: previous.data,
          error: failure instanceof Error ? failure.message : String(failure),
          errorCode: (failure as { code?: string }).code ?? null,
          loading: false,
        })),
    );
    return () => {
      live = false;
    };
  }, [client, method, key, round, options.refreshKey]);

  useEffect(() => {
    if (!options.refreshMs || key === null) return;
    const timer = setInterval(() => setRound((value) => value + 1), options.refreshMs);
    return () => clearInterval(timer);
  }, [options.refreshMs, key]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { ...state, reload };
}
