import { useState } from 'react';
import type { StaffingTargets, WhatIfResponse } from '../../../shared/staffing-api';
import { demoFetch } from '../../shared/demo-fetch';
import { ForecastChart } from './forecast-chart';
import { useStaffingPlan } from './use-staffing-plan';
import { WhatIfChart } from './what-if-chart';
import { WhatIfForm, type WhatIfValues } from './what-if-form';
import './staffing.css';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
const seconds = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} s`);

const DEFAULT_TARGETS: StaffingTargets = {
  averageHandleSeconds: 240,
  answerWithinSeconds: 15,
  targetServiceLevel: 0.8,
  capacity: 3,
};

/**
 * 排班 Staffing: the week's forecast per hour with the agents planned and the service level
 * expected (Erlang C), and a what-if form whose day the server runs through a simulated desk.
 */
export function StaffingPage({ token }: { token: string }) {
  const [targets, setTargets] = useState(DEFAULT_TARGETS);
  const { plan, error } = useStaffingPlan(token, targets);
  const [result, setResult] = useState<WhatIfResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);

  const run = async ({ targets: next, request }: WhatIfValues) => {
    setTargets(next);
    setBusy(true);
    setRunError(null);
    try {
      setResult(
        await demoFetch<WhatIfResponse>('/api/staffing/simulate', {
          method: 'POST',
          body: request,
          headers: { authorization: `Bearer ${token}` },
        }),
      );
    } catch (failure) {
      setRunError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const peak = plan ? Math.max(0, ...plan.hours.map((hour) => hour.agents)) : 0;
  return (
    <section className="staffing" aria-label="Staffing">
      <h2>排班 Staffing</h2>
      {plan ? (
        <>
          <p className="muted">
            {plan.source === 'history'
              ? '按本店近几周的会话预测 Forecast from the desk’s own history'
              : '历史不足两周，用示例周预测 Less than two weeks of history: a sample week'}{' '}
            · 留出周误差 held-out error: MAPE {percent(plan.mape)}, WAPE {percent(plan.wape)} · 高峰
            peak {peak} agents ({targets.capacity} chats each)
          </p>
          <ForecastChart plan={plan} />
        </>
      ) : (
        <p className="muted">{error ?? '…'}</p>
      )}
      <h3>假设分析 What if</h3>
      <WhatIfForm busy={busy} onRun={run} />
      {runError ? <p className="error">{runError}</p> : null}
      {result ? (
        <>
          <div className="metrics">
            <Tile label="会话 Chats" value={String(result.summary.conversations)} />
            <Tile label="服务水平 Service level" value={percent(result.summary.serviceLevel)} />
            <Tile label="平均应答 ASA" value={seconds(result.summary.asaSeconds)} />
            <Tile label="放弃率 Abandoned" value={percent(result.summary.abandonmentRate)} />
            <Tile label="利用率 Utilisation" value={percent(result.summary.utilisation)} />
          </div>
          <WhatIfChart result={result} />
          <table className="staffing-table">
            <caption>{result.date} · 模拟 simulated vs Erlang C</caption>
            <thead>
              <tr>
                <th>时 Hour</th>
                <th>会话 Chats</th>
                <th>客服 Agents</th>
                <th>模拟 SL</th>
                <th>Erlang C SL</th>
                <th>ASA</th>
              </tr>
            </thead>
            <tbody>
              {result.hours.map((hour) => (
                <tr key={hour.hour}>
                  <td>{hour.hour}:00</td>
                  <td>{hour.arrivals.toFixed(0)}</td>
                  <td>{hour.agents}</td>
                  <td>{percent(hour.serviceLevel)}</td>
                  <td>{percent(hour.erlangServiceLevel)}</td>
                  <td>{seconds(hour.asaSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="tile">
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}
