import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition } from '../machine/transition';
import { makeConversation } from '../testing/storage-conformance/fixtures';
import { CONVERSATION_STATUSES, type Conversation } from './conversation';
import type { ConversationMachineEvent } from './conversation-events';
import { conversationMachine } from './conversation-machine';

const T0 = Date.UTC(2026, 10, 11, 9, 0);
const HOUR = 3_600_000;

function run(start: Conversation, events: ConversationMachineEvent[]): Conversation {
  let snapshot = start;
  for (const event of events) {
    const result = transition(conversationMachine, snapshot, event);
    if (!result.ok) throw new Error(result.message);
    snapshot = result.snapshot;
  }
  return snapshot;
}

describe('conversation machine', () => {
  it('walks the happy path from bot to closed', () => {
    const bot = makeConversation({ status: 'bot', queuedAt: null, createdAt: T0 });
    const resolved = run(bot, [
      { type: 'CUSTOMER_MESSAGE', at: T0 + 1 },
      { type: 'HANDOFF', at: T0 + 2 },
      { type: 'ASSIGN', at: T0 + 3, agentId: 'agt_wang' },
      { type: 'AGENT_REPLY', at: T0 + 4, agentId: 'agt_wang' },
      { type: 'AGENT_REPLY', at: T0 + 5, agentId: 'agt_wang' },
      { type: 'RESOLVE', at: T0 + 6, reopenWindowMs: HOUR },
    ]);
    expect(resolved).toMatchObject({
      status: 'resolved',
      queuedAt: T0 + 2,
      assigneeId: 'agt_wang',
      firstResponseAt: T0 + 4,
      lastAgentMessageAt: T0 + 5,
      resolvedAt: T0 + 6,
      reopenUntil: T0 + 6 + HOUR,
    });
    const closed = transition(conversationMachine, resolved, {
      type: 'CLOSE',
      at: T0 + HOUR,
      reason: 'manual',
    });
    expect(closed.ok && closed.snapshot.status).toBe('closed');
  });

  it('reactivates a pending conversation when the customer writes, cancelling the idle close', () => {
    const active = makeConversation({ status: 'active', assigneeId: 'agt_wang' });
    const pending = run(active, [{ type: 'WAIT_ON_CUSTOMER', at: T0, idleCloseAfterMs: HOUR }]);
    expect(pending.pendingSince).toBe(T0);
    const result = transition(conversationMachine, pending, {
      type: 'CUSTOMER_MESSAGE',
      at: T0 + 10,
    });
    expect(result.ok && result.snapshot.status).toBe('active');
    expect(result.ok && result.effects.map((effect) => effect.type)).toEqual(['emit', 'cancel']);
  });

  it('reopens a resolved conversation on a customer message only inside the window', () => {
    const resolved = run(makeConversation({ status: 'active', assigneeId: 'agt_wang' }), [
      { type: 'RESOLVE', at: T0, reopenWindowMs: HOUR },
    ]);
    const inside = transition(conversationMachine, resolved, {
      type: 'CUSTOMER_MESSAGE',
      at: T0 + HOUR - 1,
    });
    expect(inside.ok && inside.snapshot).toMatchObject({
      status: 'active',
      reopenCount: 1,
      resolvedAt: null,
    });
    const outside = transition(conversationMachine, resolved, {
      type: 'CUSTOMER_MESSAGE',
      at: T0 + HOUR,
    });
    expect(outside).toMatchObject({ ok: false, reason: 'guard-failed' });
  });

  it('reopens an unassigned resolved conversation into the queue', () => {
    const resolved = run(makeConversation({ status: 'bot', queuedAt: null }), [
      { type: 'RESOLVE', at: T0, reopenWindowMs: HOUR },
    ]);
    const reopened = run(resolved, [{ type: 'REOPEN', at: T0 + 5, by: 'agent' }]);
    expect(reopened).toMatchObject({ status: 'queued', queuedAt: T0 + 5 });
  });

  it('transfers to another agent or back to the queue, never to the same agent', () => {
    const active = makeConversation({ status: 'active', assigneeId: 'agt_wang' });
    const toLi = run(active, [
      {
        type: 'TRANSFER',
        at: T0,
        toAgentId: 'agt_li',
        toTeam: null,
        reason: '需要售后',
        by: 'agt_wang',
      },
    ]);
    expect(toLi).toMatchObject({ status: 'active', assigneeId: 'agt_li', transferCount: 1 });
    const toQueue = run(active, [
      { type: 'TRANSFER', at: T0, toAgentId: null, toTeam: 'after-sales', reason: null, by: null },
    ]);
    expect(toQueue).toMatchObject({
      status: 'queued',
      assigneeId: null,
      queuedAt: T0,
      team: 'after-sales',
    });
    const same = transition(conversationMachine, active, {
      type: 'TRANSFER',
      at: T0,
      toAgentId: 'agt_wang',
      toTeam: null,
      reason: null,
      by: null,
    });
    expect(same.ok).toBe(false);
  });

  it('rejects a reply before anyone is assigned', () => {
    const queued = makeConversation({ status: 'queued' });
    const result = transition(conversationMachine, queued, {
      type: 'AGENT_REPLY',
      at: T0,
      agentId: 'a',
    });
    expect(result).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(result.ok || result.message).toBe(
      'AGENT_REPLY is not allowed when the conversation is queued',
    );
  });
});

const agentIds = fc.constantFrom('agt_wang', 'agt_li', 'agt_zhao');
const eventArbitrary = (at: number): fc.Arbitrary<ConversationMachineEvent> =>
  fc.oneof(
    fc.constant({ type: 'HANDOFF' as const, at }),
    agentIds.map((agentId) => ({ type: 'ASSIGN' as const, at, agentId })),
    fc.option(agentIds, { nil: null }).map((toAgentId) => ({
      type: 'TRANSFER' as const,
      at,
      toAgentId,
      toTeam: null,
      reason: null,
      by: null,
    })),
    fc.constant({ type: 'CUSTOMER_MESSAGE' as const, at }),
    agentIds.map((agentId) => ({ type: 'AGENT_REPLY' as const, at, agentId })),
    fc.constant({ type: 'BOT_REPLY' as const, at }),
    fc.option(fc.integer({ min: 1, max: 10 * HOUR }), { nil: null }).map((idleCloseAfterMs) => ({
      type: 'WAIT_ON_CUSTOMER' as const,
      at,
      idleCloseAfterMs,
    })),
    fc.integer({ min: 0, max: 10 * HOUR }).map((reopenWindowMs) => ({
      type: 'RESOLVE' as const,
      at,
      reopenWindowMs,
    })),
    fc
      .constantFrom('customer' as const, 'agent' as const)
      .map((by) => ({ type: 'REOPEN' as const, at, by })),
    fc
      .constantFrom('manual' as const, 'idle' as const)
      .map((reason) => ({ type: 'CLOSE' as const, at, reason })),
    fc.constant({ type: 'ABANDON' as const, at }),
  );

const historyArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 * HOUR }), fc.integer({ min: 0, max: 10 })), {
    maxLength: 40,
  })
  .chain((steps) => {
    const instants = steps.map(([gap]) => gap);
    for (let i = 0; i < instants.length; i++)
      instants[i] = (instants[i - 1] ?? T0) + (instants[i] ?? 0);
    return fc.tuple(...instants.map((at) => eventArbitrary(at)));
  });

/** What must hold in each state, whatever happened before. */
function checkInvariants(c: Conversation): void {
  expect(CONVERSATION_STATUSES).toContain(c.status);
  if (c.status === 'active' || c.status === 'pending') expect(c.assigneeId).not.toBeNull();
  if (c.status === 'queued') expect(c.assigneeId).toBeNull();
  if (c.status === 'pending') expect(c.pendingSince).not.toBeNull();
  if (c.status === 'resolved') {
    expect(c.resolvedAt).not.toBeNull();
    expect(c.reopenUntil).not.toBeNull();
  }
  if (c.status === 'closed') expect(c.closedAt).not.toBeNull();
  if (c.status === 'abandoned') expect(c.abandonedAt).not.toBeNull();
  if (c.firstResponseAt !== null) expect(c.assignedAt ?? c.firstResponseAt).not.toBeNull();
}

describe('conversation machine properties', () => {
  it('never reaches an invalid state, and a rejected event leaves the snapshot unchanged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bot' as const, 'queued' as const),
        historyArbitrary,
        (initial, events) => {
          let snapshot = makeConversation({
            status: initial,
            queuedAt: initial === 'queued' ? T0 : null,
          });
          for (const event of events) {
            const before = structuredClone(snapshot);
            const result = transition(conversationMachine, snapshot, event);
            if (result.ok) {
              for (const effect of result.effects) {
                if (effect.type === 'emit') expect(effect.event.subject.id).toBe(snapshot.id);
              }
              snapshot = result.snapshot;
              checkInvariants(snapshot);
            } else {
              expect(result.snapshot).toBe(snapshot);
              expect(snapshot).toEqual(before);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lets nothing leave a final state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('closed' as const, 'abandoned' as const),
        eventArbitrary(T0),
        (status, event) => {
          const final = makeConversation({ status });
          expect(transition(conversationMachine, final, event).ok).toBe(false);
        },
      ),
    );
  });
});
