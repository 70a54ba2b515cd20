import type { Desk, DomainEvent, Message } from '@kefu/core';
import { toWireMessage, type WireMessage } from '@kefu/core/protocol';

/**
 * Agents' display names, so messages on the wire say "王客服" rather than an id. Loaded once and
 * kept current from `agent.upserted` events (this node's and, through the bus, other nodes').
 */
export class AgentNames {
  readonly #names = new Map<string, string>();

  /** Reads every agent's name; messages sent before it finishes go without names. */
  async load(desk: Desk): Promise<void> {
    for (const agent of await desk.agents.list()) {
      if (agent.name) this.#names.set(agent.id, agent.name);
    }
  }

  note(event: DomainEvent): void {
    if (event.type !== 'agent.upserted') return;
    const { agent } = event.data;
    if (agent.name) this.#names.set(agent.id, agent.name);
    else this.#names.delete(agent.id);
  }

  /** The message as it goes on the wire, with its agent's name. */
  wire(message: Message): WireMessage {
    const wire = toWireMessage(message);
    const name = message.author.kind === 'agent' ? this.#names.get(message.author.id) : undefined;
    if (name !== undefined) wire.authorName = name;
    return wire;
  }
}
