import type { AgentInput } from '@kefu/core';

/** A seeded agent with its role (supervisors see reports and the live view, and supervise). */
export type DemoAgent = AgentInput & { id: string; name: string; role: 'agent' | 'supervisor' };

/**
 * The shop's people (人工客服): skills decide what routing gives them, capacity how many chats at
 * once. All start offline; signing in to the console sets them online.
 *
 * @example
 * for (const agent of demoAgents) await desk.agents.upsert(agent);
 */
export const demoAgents: readonly DemoAgent[] = [
  {
    id: 'agt_wang',
    name: '王客服',
    role: 'agent',
    skills: ['orders', 'logistics', 'zh', 'en'],
    teams: ['service'],
    capacity: 4,
  },
  {
    id: 'agt_li',
    name: '李售后',
    role: 'agent',
    skills: ['after-sales', 'refund', 'payment', 'zh'],
    teams: ['after-sales'],
    capacity: 3,
  },
  {
    id: 'agt_zhao',
    name: '赵主管',
    role: 'supervisor',
    skills: ['orders', 'logistics', 'after-sales', 'payment', 'zh', 'en'],
    teams: ['service', 'after-sales', 'vip-care'],
    capacity: 2,
  },
];
