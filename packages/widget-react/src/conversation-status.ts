const FINISHED = new Set(['resolved', 'closed', 'abandoned']);

/**
 * True for conversations that are over: a new message starts a new conversation instead.
 *
 * @example
 * isFinished(view.conversation?.status); // true after the agent resolved it
 */
export function isFinished(status: string | undefined | null): boolean {
  return status != null && FINISHED.has(status);
}
