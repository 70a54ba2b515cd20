import type { Agent } from '@kefu/core';
import { useNow } from '../use-now';
import { liveRowText } from './live-row-text';
import { RowActions } from './row-actions';
import { useLiveView } from './use-live-view';
import './supervisor.css';

/**
 * 主管 Supervisor: every open conversation live — queue time, assignee, SLA state and due,
 * sentiment — with watch, whisper, barge-in and reassign. Supervisors and admins only (the
 * gateway refuses a plain agent).
 */
export function SupervisorPage({
  selfId,
  agents,
  onOpen,
}: {
  selfId: string;
  agents: readonly Agent[];
  onOpen(conversationId: string): void;
}) {
  const { rows, error, errorCode } = useLiveView();
  const now = useNow();
  const names = new Map(agents.map((agent) => [agent.id, agent.name ?? agent.id]));
  if (error) {
    return (
      <section className="panel supervisor" aria-labelledby="supervisor-heading">
        <h3 id="supervisor-heading">实时会话 Live conversations</h3>
        {errorCode === 'FORBIDDEN' ? (
          <p className="muted">仅主管可见 Supervisors only</p>
        ) : (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="panel supervisor" aria-labelledby="supervisor-heading">
      <h3 id="supervisor-heading">
        实时会话 Live conversations <small>{rows ? rows.length : '…'}</small>
      </h3>
      {rows && rows.length === 0 ? (
        <p className="muted">没有进行中的会话 No open conversations</p>
      ) : null}
      <table aria-label="Live conversations">
        <thead>
          <tr>
            <th scope="col">会话 Conversation</th>
            <th scope="col">状态 Status</th>
            <th scope="col">排队 Queue time</th>
            <th scope="col">客服 Assignee</th>
            <th scope="col">SLA</th>
            <th scope="col">到期 Due</th>
            <th scope="col">情绪 Sentiment</th>
            <th scope="col">操作 Actions</th>
          </tr>
        </thead>
        <tbody>
          {(rows ?? []).map((row) => {
            const text = liveRowText(row, now);
            return (
              <tr key={row.conversationId} data-conversation={row.conversationId}>
                <td>
                  {row.topic ?? row.customerId}
                  {row.team ? <small> · {row.team}</small> : null}
                </td>
                <td>{text.status}</td>
                <td>{text.queueTime}</td>
                <td>{row.assigneeId ? (names.get(row.assigneeId) ?? row.assigneeId) : '—'}</td>
                <td>
                  <span className={`sla sla-${row.slaState}`}>{text.sla}</span>
                </td>
                <td>{text.due}</td>
                <td className={`sentiment sentiment-${row.sentiment}`}>{text.sentiment}</td>
                <td>
                  <RowActions row={row} selfId={selfId} agents={agents} onOpen={onOpen} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
