import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, type DomainEventDraft, type Message } from '@kefu/core';
import { makeConversation } from '@kefu/core/testing';
import { type BenchResult, median } from './bench-result';

const CONVERSATIONS = 100_000;
const AGENTS = 50;
const START = Date.parse('2026-11-01T00:00:00+08:00');
const MINUTE = 60_000;

/** A month of conversations as events: started, assigned, a question, an answer, resolved. */
function historyOf(i: number): DomainEventDraft[] {
  const createdAt = START + Math.floor((i * 30 * 24 * 60 * MINUTE) / CONVERSATIONS);
  const base = makeConversation({
    id: `conv_${i}`,
    customerId: `cus_${i % 5000}`,
    createdAt,
    updatedAt: createdAt,
    queuedAt: createdAt,
  });
  const agent = `agt_${i % AGENTS}`;
  const assigned = {
    ...base,
    status: 'active' as const,
    assigneeId: agent,
    assignedAt: createdAt + MINUTE,
    version: 2,
  };
  const resolved = {
    ...assigned,
    status: 'resolved' as const,
    firstResponseAt: createdAt + 2 * MINUTE,
    resolvedAt: createdAt + (5 + (i % 20)) * MINUTE,
    version: 3,
  };
  const subject = { kind: 'conversation' as const, id: base.id };
  const message = (seq: number, kind: 'customer' | 'agent', at: number): Message => ({
    id: `msg_${i}_${seq}`,
    conversationId: base.id,
    seq,
    author: kind === 'customer' ? { kind, id: base.customerId } : { kind, id: agent },
    text: kind === 'customer' ? '我的糖果什么时候到？' : '明天到',
    attachments: [],
    internal: false,
    clientId: null,
    createdAt: at,
  });
  return [
    { type: 'conversation.started', at: createdAt, subject, data: { conversation: base } },
    {
      type: 'message.posted',
      at: createdAt,
      subject,
      data: { message: message(1, 'customer', createdAt) },
    },
    {
      type: 'conversation.assigned',
      at: createdAt + MINUTE,
      subject,
      data: { conversation: assigned, agentId: agent },
    },
    {
      type: 'message.posted',
      at: createdAt + 2 * MINUTE,
      subject,
      data: { message: message(2, 'agent', createdAt + 2 * MINUTE) },
    },
    {
      type: 'conversation.resolved',
      at: resolved.resolvedAt ?? 0,
      subject,
      data: { conversation: resolved },
    },
  ];
}

export async function benchMetricsReport(): Promise<BenchResult> {
  const storage = createMemoryAdapter();
  for (let i = 0; i < CONVERSATIONS; i += 1000) {
    await storage.transaction(async (tx) => {
      const drafts: DomainEventDraft[] = [];
      for (let j = i; j < i + 1000; j++) drafts.push(...historyOf(j));
      await tx.events.append(drafts);
    });
  }
  const desk = createDesk({ storage, routing: { auto: false } });
  const query = {
    from: START,
    to: START + 31 * 24 * 60 * MINUTE,
    groupBy: ['agent', 'day'] as ('agent' | 'day')[],
    timeZone: 'Asia/Shanghai',
  };
  const events = await storage.events.lastPosition();

  const report: number[] = [];
  const baseline: number[] = [];
  let rows = 0;
  for (let round = 0; round < 3; round++) {
    let started = performance.now();
    const result = await desk.metrics.report(query);
    report.push(performance.now() - started);
    // A report without rows means the query missed the log: timing it would measure nothing.
    if (result.rows.length === 0) {
      throw new Error('metrics.report-ms: the report has no rows; the query misses the seeded log');
    }
    rows = result.rows.length;
    // Baseline: one pass over the same log, counting events by type.
    started = performance.now();
    const counts = new Map<string, number>();
    for (let after = 0; ; ) {
      const page = await storage.events.read(after, 10_000);
      for (const event of page) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
      const last = page.at(-1);
      if (page.length < 10_000 || !last) break;
      after = last.position;
    }
    baseline.push(performance.now() - started);
  }
  const value = median(report);
  const base = median(baseline);
  return {
    name: 'metrics.report-ms',
    value: Math.round(value),
    unit: 'ms',
    baseline: Math.round(base),
    ratio: Number((value / base).toFixed(2)),
    params: {
      conversations: CONVERSATIONS,
      events,
      groupBy: query.groupBy,
      rows,
      adapter: 'memory (storage hook over the in-memory log)',
      baseline: 'one pass over the same event log, counting events by type',
      statistic: 'median of 3',
      goal: 'value < 1000',
      node: process.version,
    },
  };
}
