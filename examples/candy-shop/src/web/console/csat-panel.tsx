import type { MetricsReport } from '@kefu/core';
import { useMemo } from 'react';
import { formatDuration } from '../shared/format';
import { useDeskCall } from './use-desk-call';

const DAY = 86_400_000;
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/**
 * Satisfaction and service over the last seven days (`metrics.report`, by agent): CSAT (share of
 * 4–5 answers), responses, first response, first-contact resolution. Supervisors only (the
 * gateway's `authorizeCall`).
 */
export function CsatPanel({ agentNames }: { agentNames: ReadonlyMap<string, string> }) {
  // The window is fixed when the panel opens; the refresh interval recomputes the same range.
  const range = useMemo(() => {
    const to = Date.now() + DAY;
    return { from: to - 8 * DAY, to };
  }, []);
  const report = useDeskCall<MetricsReport>(
    'metrics.report',
    { ...range, groupBy: ['agent'], timeZone: 'Asia/Shanghai' },
    { refreshMs: 10_000 },
  );
  if (report.error) {
    return (
      <section className="panel" aria-labelledby="csat-heading">
        <h3 id="csat-heading">满意度 CSAT</h3>
        {report.errorCode === 'FORBIDDEN' ? (
          <p className="muted">仅主管可见 Supervisors only</p>
        ) : (
          <p role="alert" className="error">
            {report.error}
          </p>
        )}
      </section>
    );
  }
  const total = report.data?.total;
  return (
    <section className="panel csat" aria-labelledby="csat-heading">
      <h3 id="csat-heading">满意度 CSAT · 近 7 天 last 7 days</h3>
      {total ? (
        <>
          <p className="csat-score" data-testid="csat-score">
            <strong>{percent(total.csat.score)}</strong> 满意 satisfied · {total.csat.responses}{' '}
            份评价 responses · 回复率 response rate {percent(total.csat.responseRate)}
          </p>
          <table>
            <thead>
              <tr>
                <th>客服 Agent</th>
                <th>会话 Chats</th>
                <th>CSAT</th>
                <th>首响 First reply</th>
                <th>一次解决 FCR</th>
              </tr>
            </thead>
            <tbody>
              {(report.data?.rows ?? []).map((row) => (
                <tr key={row.group.agent ?? 'all'}>
                  <td>{agentNames.get(row.group.agent ?? '') ?? row.group.agent}</td>
                  <td>{row.metrics.conversations}</td>
                  <td>
                    {percent(row.metrics.csat.score)} ({row.metrics.csat.responses})
                  </td>
                  <td>
                    {row.metrics.firstResponseTime.avg === null
                      ? '—'
                      : formatDuration(row.metrics.firstResponseTime.avg)}
                  </td>
                  <td>{percent(row.metrics.firstContactResolution)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">…</p>
      )}
    </section>
  );
}
