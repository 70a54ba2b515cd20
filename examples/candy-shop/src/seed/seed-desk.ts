import type { Desk } from '@kefu/core';
import { demoAgents } from './agents';
import { demoCustomers } from './customers';
import { knowledgeArticles } from './knowledge';

/** Who publishes the seeded articles (the supervisor reviews the knowledge base). */
const EDITOR = 'agt_zhao';

export interface SeedResult {
  agents: number;
  customers: number;
  articles: number;
}

/**
 * Adds whatever of the demo data is missing: agents, customers and published articles. Safe to
 * run at every start (idempotent): records that exist are left as they are, so changes made in the
 * demo (an agent's presence, an archived article) survive a restart.
 *
 * @example
 * const added = await seedDesk(desk); // { agents: 3, customers: 3, articles: 36 } the first time
 */
export async function seedDesk(desk: Desk): Promise<SeedResult> {
  const added: SeedResult = { agents: 0, customers: 0, articles: 0 };
  for (const agent of demoAgents) {
    const stored = await desk.agents.get(agent.id);
    // Seeded before roles existed, when the demo kept the role in metadata: move it, once.
    if (stored && stored.metadata.role === agent.role && stored.role !== agent.role) {
      await desk.agents.upsert({ id: agent.id, role: agent.role });
    }
    if (stored) continue;
    await desk.agents.upsert({ ...agent, presence: 'offline' });
    added.agents += 1;
  }
  for (const customer of demoCustomers) {
    if (await desk.customers.get(customer.id)) continue;
    await desk.customers.upsert(customer);
    added.customers += 1;
  }
  for (const article of knowledgeArticles) {
    // An archived or published article was decided on; a draft or a review left by a start that
    // stopped half-way is carried on to published.
    let status = (await desk.knowledge.get(article.id))?.status;
    if (status === 'published' || status === 'archived') continue;
    if (status === undefined) {
      status = (await desk.knowledge.create({ ...article, by: EDITOR })).status;
    }
    if (status === 'draft') await desk.knowledge.submit({ articleId: article.id, by: EDITOR });
    await desk.knowledge.approve({ articleId: article.id, by: EDITOR });
    added.articles += 1;
  }
  return added;
}
