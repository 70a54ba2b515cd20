import { createDesk } from '@kefu/core';
import * as testing from '@kefu/core/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapterOver } from './create-memory-adapter';
import { createMemoryState, type MemoryState } from './memory-state';

/**
 * Every collection of the memory state, and where its personal data goes in an export (or why
 * it holds none). A new collection fails the test below until it is listed here.
 */
const COVERAGE: Record<keyof MemoryState, string> = {
  customers: 'export: customer',
  agents: 'not about customers: agent profiles',
  agentsById: 'not about customers: the agents again, sorted (a cache)',
  conversations: 'export: conversations',
  conversationClientIds: 'index of conversations',
  conversationsByStatus: 'index of conversations by status (ids only)',
  messages: 'export: conversations[].messages',
  messageClientIds: 'index of messages',
  tickets: 'export: tickets',
  ticketClientIds: 'index of tickets',
  articles: 'not about customers: knowledge base',
  events: 'export: events (records carry the data)',
  jobs: 'ids and timers only; erasure job payload holds no personal values',
  jobKeys: 'index of jobs',
  audit: 'export: accessLog',
  reviews: "not exported: quality reviews of agents' work (conversation ids and scores)",
  incidents: 'desk-wide incidents: a banner text, agent ids, no customer data',
  rateLimits: 'token buckets keyed by customer id or address: counts only; erasure deletes them',
};

const stateText = (state: MemoryState) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(state).map(([key, value]) => [
        key,
        value instanceof Map ? [...value.entries()] : value,
      ]),
    ),
  );

describe('memory adapter: personal data', () => {
  it('lists every collection in the export coverage', () => {
    expect(Object.keys(createMemoryState()).sort()).toEqual(Object.keys(COVERAGE).sort());
  });

  it('keeps no trace of an erased customer in any collection', async () => {
    const state = createMemoryState();
    const storage = createMemoryAdapterOver(state);
    const clock = new testing.VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
    const desk = createDesk({ ...testing.privacyScenarioOptions, storage, clock });
    await testing.seedPrivacyScenario(desk, clock);
    const rule = { limit: 5, windowMs: 60_000 };
    for (const key of [`kefu:messages:${testing.PII.customerId}`, 'kefu:messages:cus_other']) {
      await storage.rateLimits?.take(key, rule, clock.now());
    }
    expect(stateText(state)).toContain(testing.PII.phone);
    await desk.privacy.eraseCustomer(testing.ERASURE_REQUEST);
    await testing.drainJobs(desk, storage);
    testing.expectNoPersonalValues(stateText(state), 'the memory state');
    // Rate-limit buckets keyed by the customer id are gone at once, not when they refill.
    expect([...state.rateLimits.keys()]).toEqual(['kefu:messages:cus_other']);
    expect(await testing.countErasedEvents(storage)).toBe(1);
    expect(stateText(state)).toContain('Where is my order?');
  });
});
