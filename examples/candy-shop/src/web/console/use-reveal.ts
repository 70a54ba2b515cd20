import { useAgentClient } from '@kefu/widget-react/agent';
import { useCallback, useState } from 'react';
import { revealErrorText } from './reveal-text';

/**
 * Which record a masked value is in, as `privacy.reveal` names it (without the span): a message
 * (`seq`), a profile field, a conversation's `topic` or `survey.comment`, a ticket field.
 */
export type RevealTarget =
  | { conversationId: string; seq: number }
  | { customerId: string; path: string }
  | { conversationId: string; path: 'topic' | 'survey.comment' }
  | { ticketId: string; path: string };

/** Where one reveal is: still masked, asked, shown, or refused (with a note to show). */
export type RevealState =
  | { status: 'masked' | 'revealing' }
  | { status: 'revealed'; value: string }
  | { status: 'failed'; note: string };

/**
 * One masked value's reveal: `reveal()` makes the audited `privacy.reveal` call for the span of
 * the target, and the state says what to show.
 *
 * @example
 * const { state, reveal } = useReveal({ conversationId, seq: 3 }, 0);
 */
export function useReveal(target: RevealTarget, span: number) {
  const client = useAgentClient();
  const [state, setState] = useState<RevealState>({ status: 'masked' });
  const key = JSON.stringify(target);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the target is compared by its JSON key
  const reveal = useCallback(async () => {
    setState({ status: 'revealing' });
    try {
      const { value } = await client.call<{ kind: string; value: string }>('privacy.reveal', {
        ...target,
        span,
      });
      setState({ status: 'revealed', value });
    } catch (failure) {
      const code = (failure as { code?: string }).code ?? null;
      const message = failure instanceof Error ? failure.message : String(failure);
      setState({ status: 'failed', note: revealErrorText(code, message) });
    }
  }, [client, key, span]);
  return { state, reveal };
}
