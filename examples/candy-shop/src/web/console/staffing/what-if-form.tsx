import { type FormEvent, useState } from 'react';
import type { StaffingTargets, WhatIfRequest } from '../../../shared/staffing-api';

export interface WhatIfValues {
  targets: StaffingTargets;
  request: WhatIfRequest;
}

const number = (value: string) => (value.trim() === '' ? undefined : Number(value));

/** Agents, handle time, target: the what-if (假设分析) that the server simulates. */
export function WhatIfForm({ busy, onRun }: { busy: boolean; onRun(values: WhatIfValues): void }) {
  const [agents, setAgents] = useState('');
  const [handle, setHandle] = useState('240');
  const [within, setWithin] = useState('15');
  const [target, setTarget] = useState('80');
  const [capacity, setCapacity] = useState('3');
  const [patience, setPatience] = useState('120');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const averageHandleSeconds = Number(handle);
    const answerWithinSeconds = Number(within);
    const chats = Number(capacity);
    const agentsValue = number(agents);
    const patienceValue = number(patience);
    onRun({
      targets: {
        averageHandleSeconds,
        answerWithinSeconds,
        targetServiceLevel: Number(target) / 100,
        capacity: chats,
      },
      request: {
        averageHandleSeconds,
        answerWithinSeconds,
        capacity: chats,
        ...(agentsValue === undefined ? {} : { agents: agentsValue }),
        ...(patienceValue === undefined ? {} : { patienceSeconds: patienceValue }),
      },
    });
  };
  const field = (
    label: string,
    value: string,
    set: (next: string) => void,
    props: { min: number; max: number; placeholder?: string },
  ) => (
    <label>
      <span>{label}</span>
      <input
        type="number"
        value={value}
        onChange={(event) => set(event.target.value)}
        min={props.min}
        max={props.max}
        placeholder={props.placeholder}
      />
    </label>
  );
  return (
    <form className="what-if" onSubmit={submit}>
      {field('在线客服 Agents', agents, setAgents, {
        min: 1,
        max: 100,
        placeholder: '按排班 plan',
      })}
      {field('处理时长 Handle (s)', handle, setHandle, { min: 10, max: 3600 })}
      {field('响应目标 Answer within (s)', within, setWithin, { min: 1, max: 600 })}
      {field('目标服务水平 Target SL (%)', target, setTarget, { min: 5, max: 99 })}
      {field('同时会话 Chats per agent', capacity, setCapacity, { min: 1, max: 10 })}
      {field('顾客耐心 Patience (s)', patience, setPatience, {
        min: 10,
        max: 3600,
        placeholder: '∞',
      })}
      <button type="submit" disabled={busy}>
        {busy ? '模拟中… Simulating…' : '模拟明天 Simulate tomorrow'}
      </button>
    </form>
  );
}
