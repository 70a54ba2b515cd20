import type { Desk } from '@kefu/core';

/**
 * What happens to an agent's presence when their last connection to this gateway closes.
 *
 * @example
 * createGateway({ desk, authenticate, agentPresence: { onDisconnect: 'away', graceMs: 30_000 } });
 */
export interface AgentPresenceOptions {
  /** The presence to set: `away` (keeps their conversations) or `offline`. */
  onDisconnect: 'away' | 'offline';
  /** Wait this long for a reconnect first (a page reload, a network blip). Default 30 s. */
  graceMs?: number;
}

/**
 * Counts each agent's open connections on this gateway and, once the last one has been closed
 * for the grace period, moves an `online` agent to `away` or `offline` — so routing stops
 * offering conversations to someone who closed the console. With routing's `whenAgentLeaves:
 * requeue`, their open conversations then go back to the queue.
 */
export class AgentPresenceTracker {
  readonly #open = new Map<string, number>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #graceMs: number;

  constructor(
    private readonly desk: Desk,
    private readonly options: AgentPresenceOptions,
    private readonly onError: (error: unknown) => void,
  ) {
    this.#graceMs = options.graceMs ?? 30_000;
  }

  connected(agentId: string): void {
    this.#open.set(agentId, (this.#open.get(agentId) ?? 0) + 1);
    const timer = this.#timers.get(agentId);
    if (timer) clearTimeout(timer);
    this.#timers.delete(agentId);
  }

  disconnected(agentId: string): void {
    const left = (this.#open.get(agentId) ?? 1) - 1;
    if (left > 0) {
      this.#open.set(agentId, left);
      return;
    }
    this.#open.delete(agentId);
    const timer = setTimeout(() => {
      this.#timers.delete(agentId);
      if (!this.#open.has(agentId)) this.#leave(agentId).catch(this.onError);
    }, this.#graceMs);
    timer.unref?.();
    this.#timers.set(agentId, timer);
  }

  async #leave(agentId: string): Promise<void> {
    const agent = await this.desk.agents.get(agentId);
    if (agent?.presence !== 'online') return;
    await this.desk.agents.setPresence({ agentId, presence: this.options.onDisconnect });
  }

  stop(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
