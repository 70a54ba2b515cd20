import {
  type Conversation,
  type Desk,
  type DomainEvent,
  isSupervised,
  toLiveConversation,
} from '@kefu/core';
import type { WireLiveConversation } from '@kefu/core/protocol';
import type { GatewayContext, SubscriberHandle } from './gateway-context';
import { agentTopicView } from './privacy-views';

/** Conversation versions remembered, so an older snapshot never overwrites a newer row. */
const VERSIONS_KEPT = 10_000;

interface Watch {
  teams: ReadonlySet<string> | null;
  /** Conversations this watcher was sent a row of (and not told they left). */
  shown: Set<string>;
  /** Authorization decisions still pending, so this watcher's frames keep their order. */
  chain: Promise<void>;
}

/**
 * Supervisor connections watching the live view (`watch_supervision`). Every conversation event
 * carrying a snapshot becomes a `supervision` frame with its new row (or `row: null` once it left
 * the view); a message is followed by a read of its conversation, since a customer's message can
 * change the sentiment flags and every message moves `lastSeq` without a conversation event.
 */
export class SupervisionWatchers {
  readonly #watchers = new Map<SubscriberHandle, Watch>();
  readonly #versions = new Map<string, number>();
  /** Conversations being read after a message; `true` when another message came meanwhile. */
  readonly #reading = new Map<string, boolean>();

  constructor(
    private readonly desk: Desk,
    private readonly allowed: {
      /** May this agent see this conversation (`authorizeAgent`)? */
      mayWatch: (agentId: string, conversation: Conversation) => boolean | Promise<boolean>;
      /** May this agent still call `supervision.live` (roles, then the shop's `authorizeCall`)? */
      authorizeCall: GatewayContext['authorizeCall'];
    },
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The watcher hears changes from now on; `shown` are the rows its snapshot had. */
  add(watcher: SubscriberHandle, teams: readonly string[] | undefined, shown: Iterable<string>) {
    const existing = this.#watchers.get(watcher);
    const watch: Watch = existing ?? { teams: null, shown: new Set(), chain: Promise.resolve() };
    watch.teams = teams ? new Set(teams) : null;
    for (const id of shown) watch.shown.add(id);
    this.#watchers.set(watcher, watch);
  }

  remove(watcher: SubscriberHandle): void {
    this.#watchers.delete(watcher);
  }

  get size(): number {
    return this.#watchers.size;
  }

  dispatch(event: DomainEvent): void {
    if (this.#watchers.size === 0) return;
    if (event.type === 'agent.upserted') {
      this.#recheck(event.data.agent.id);
      return;
    }
    if (event.subject.kind !== 'conversation') return;
    if (event.type === 'message.posted') {
      this.#reread(event.subject.id);
      return;
    }
    if ('conversation' in event.data && event.data.conversation) {
      this.#changed(event.data.conversation);
    }
  }

  /**
   * An agent's record changed (a role taken away, say): their watches are asked again, in order
   * with their frames, and those refused end with `supervision_ended` (nothing follows it).
   */
  #recheck(agentId: string): void {
    for (const [watcher, watch] of this.#watchers) {
      if (watcher.principal?.id !== agentId) continue;
      const input = watch.teams ? { teams: [...watch.teams] } : {};
      watch.chain = watch.chain
        .then(async () => {
          if (await this.allowed.authorizeCall(agentId, 'supervision.live', input)) return;
          if (this.#watchers.get(watcher) !== watch) return;
          this.#watchers.delete(watcher);
          watcher.deliver({ type: 'supervision_ended', reason: 'role' });
        })
        .catch(this.onError);
    }
  }

  #reread(conversationId: string): void {
    if (this.#reading.has(conversationId)) {
      this.#reading.set(conversationId, true);
      return;
    }
    this.#reading.set(conversationId, false);
    this.desk.conversations
      .get({ conversationId })
      .then((conversation) => {
        if (conversation) this.#changed(conversation);
      }, this.onError)
      .finally(() => {
        const again = this.#reading.get(conversationId);
        this.#reading.delete(conversationId);
        if (again) this.#reread(conversationId);
      });
  }

  #changed(conversation: Conversation): void {
    const seen = this.#versions.get(conversation.id);
    if (seen !== undefined && seen >= conversation.version) return;
    this.#versions.delete(conversation.id);
    this.#versions.set(conversation.id, conversation.version);
    if (this.#versions.size > VERSIONS_KEPT) {
      const oldest = this.#versions.keys().next().value;
      if (oldest !== undefined) this.#versions.delete(oldest);
    }
    const open = isSupervised(conversation);
    const row: WireLiveConversation | null = open
      ? agentTopicView(this.desk, toLiveConversation(conversation, this.desk.clock.now()))
      : null;
    for (const [watcher, watch] of this.#watchers) {
      const inTeams =
        watch.teams === null || (conversation.team !== null && watch.teams.has(conversation.team));
      if (!(open && inTeams) && !watch.shown.has(conversation.id)) continue;
      const agentId = watcher.principal?.id;
      if (agentId === undefined) continue;
      watch.chain = watch.chain
        .then(async () => {
          const allowed = open && inTeams && (await this.allowed.mayWatch(agentId, conversation));
          if (!allowed && !watch.shown.has(conversation.id)) return;
          if (allowed) watch.shown.add(conversation.id);
          else watch.shown.delete(conversation.id);
          if (!this.#watchers.has(watcher)) return;
          watcher.deliver({
            type: 'supervision',
            conversationId: conversation.id,
            row: allowed ? row : null,
          });
        })
        .catch(this.onError);
    }
  }
}
