import type { KefuClientSnapshot } from '@kefu/client';
import type { LiveSnapshot } from '@kefu/core';
import { useKefuSelector } from '@kefu/widget-react';
import { formatDuration } from '../shared/format';
import { useDeskCall } from './use-desk-call';

const selectInbox = (snapshot: KefuClientSnapshot) => snapshot.inbox;

/**
 * The live desk (实时监控): queue, longest wait, agents, SLA risk; asked again whenever the inbox
 * changes and every 5 seconds.
 */
export function MetricsPanel() {
  const inbox = useKefuSelector(selectInbox);
  const live = useDeskCall<LiveSnapshot>(
    'metrics.snapshot',
    {},
    { refreshMs: 5000, refreshKey: inbox },
  );
  const snapshot = live.data;
  const tile = (label: string, value: string | number, warn = false) => (
    <div className={`tile${warn ? ' tile-warn' : ''}`}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
  return (
    <section className="metrics" aria-label="Live metrics">
      {snapshot ? (
        <>
          {tile('排队 Queue', snapshot.queueLength, snapshot.queueLength > 3)}
          {tile('最长等待 Longest wait', formatDuration(snapshot.longestWaitMs))}
          {tile('在线 Online', snapshot.agentsOnline)}
          {tile('忙碌 Busy', snapshot.agentsBusy)}
          {tile('SLA 预警 At risk', snapshot.slaAtRisk, snapshot.slaAtRisk > 0)}
          {tile('SLA 超时 Breached', snapshot.slaBreached, snapshot.slaBreached > 0)}
        </>
      ) : (
        <span className="muted">{live.error ?? '…'}</span>
      )}
    </section>
  );
}
