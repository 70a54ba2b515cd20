import { createMemoryAdapter } from '@kefu/adapter-memory';
import { erlangA, erlangC, requiredAgents, simulate } from '@kefu/core/staffing';
const t = { arrivalsPerHour: 120, averageHandleSeconds: 240, answerWithinSeconds: 15, targetServiceLevel: 0.8 };
console.log('C cap1', requiredAgents(t));
console.log('C cap3', requiredAgents({ ...t, capacity: 3 }));
console.log('A cap1 p90', requiredAgents({ ...t, averagePatienceSeconds: 90 }));
console.log('C 10', erlangC({ ...t, agents: 10 }), erlangC({ ...t, agents: 11 }));
console.log('C 4x3', erlangC({ ...t, agents: 4, capacity: 3 }));
console.log('A 4x3', erlangA({ ...t, agents: 4, capacity: 3, averagePatienceSeconds: 90 }));
for (const slow of [0, 0.3]) {
  const r = await simulate({ createStorage: () => createMemoryAdapter(), arrivalsPerHour: 120, handleTime: { averageSeconds: 240 }, agents: 4, capacity: 3, concurrencySlowdown: slow, patience: { averageSeconds: 90 }, answerWithinSeconds: 15, days: 3, warmupMinutes: 30, seed: 11 });
  console.log('sim slow', slow, r.summary);
}
