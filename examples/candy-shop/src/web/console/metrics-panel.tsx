import type { AgentClientSnapshot } from '@kefu/client/agent';
import { useAgentClient, useAgentSelector } from '@kefu/widget-react/agent';
import { useEffect, useState } from 'react';
import { formatDuration } from '../shared/format';

const selectMetrics = (snapshot: AgentClientSnapshot) => snapshot.metrics;

/**
 * The live desk (实时监控): queue, longest wait, agents, SLA risk — pushed by the gateway as the desk
 * moves (`client.watchMetrics()`); the longest wait keeps counting between pushes.
 */
export function MetricsPanel() {
  const client = useAgentClient();
  const metrics = useAgentSelector(selectMetrics);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    client.watchMetrics().then(
      () => setError(null),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [client]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const tile = (label: string, value: string | number, warn = false) => (
    <div className={`tile${warn ? ' tile-warn' : ''}`}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
  const longestWaitMs =
    metrics && metrics.queueLength > 0 ? metrics.longestWaitMs + Math.max(0, now - metrics.at) : 0;
  return (
    <section className="metrics" aria-label="Live metrics">
      {metrics ? (
        <>
          {tile('排队 Queue', metrics.queueLength, metrics.queueLength > 3)}
          {tile('最长等待 Longest wait', formatDuration(longestWaitMs))}
          {tile('在线 Online', metrics.agentsOnline)}
          {tile('忙碌 Busy', metrics.agentsBusy)}
          {tile('SLA 预警 At risk', metrics.slaAtRisk, metrics.slaAtRisk > 0)}
          {tile('SLA 超时 Breached', metrics.slaBreached, metrics.slaBreached > 0)}
        </>
      ) : (
        <span className="muted">{error ?? '…'}</span>
      )}
    </section>
  );
}
