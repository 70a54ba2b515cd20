import type { AgentClientSnapshot } from '@kefu/client/agent';
import type { Incident, IncidentMode } from '@kefu/core';
import { useAgentClient, useAgentSelector } from '@kefu/widget-react/agent';
import { useState } from 'react';
import { formatShanghai } from '../../shared/format';
import { useDeskCall } from '../use-desk-call';
import { MESSAGE_TEMPLATES, MODE_LABELS, startInput } from './incident-form';
import './incident.css';
import { ErrorNote } from '../error-note';

const selectIncident = (snapshot: AgentClientSnapshot) => snapshot.incident;
const MODES = Object.keys(MODE_LABELS) as IncidentMode[];

/**
 * The incident switch (应急): start incident mode with the customers' banner in both languages and
 * a mode (normal, bot-only, leave-a-message), or end it. The active incident comes live from the
 * gateway (`snapshot.incident`), whichever console or node switched it.
 */
export function IncidentSwitch() {
  const client = useAgentClient();
  const live = useAgentSelector(selectIncident);
  const [mode, setMode] = useState<IncidentMode>('leave-message');
  const [zh, setZh] = useState(MESSAGE_TEMPLATES['leave-message']['zh-CN']);
  const [en, setEn] = useState(MESSAGE_TEMPLATES['leave-message'].en);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const history = useDeskCall<Incident[]>(
    'incidents.history',
    { limit: 10 },
    { refreshKey: live?.id ?? 'none' },
  );

  const pickMode = (next: IncidentMode) => {
    setMode(next);
    setZh(MESSAGE_TEMPLATES[next]['zh-CN']);
    setEn(MESSAGE_TEMPLATES[next].en);
  };
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await work();
      history.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const notices: [string, string, string, (text: string) => void][] = [
    ['zh-CN', '顾客公告（中文）Notice in Chinese', zh, setZh],
    ['en', 'Notice in English', en, setEn],
  ];
  const start = () => {
    const built = startInput({ mode, zh, en, reason });
    if ('error' in built) {
      setError(built.error);
      return;
    }
    void run(() => client.call('incidents.start', built.input));
  };

  return (
    <div className="incident-page">
      <section
        className={`panel incident-state${live ? ' incident-active' : ''}`}
        aria-live="polite"
      >
        <h3>{live ? '应急模式中 Incident mode is on' : '正常运行 Normal operation'}</h3>
        {live ? (
          <>
            <p>
              {MODE_LABELS[live.mode]} · {formatShanghai(live.startedAt)}
            </p>
            <p lang="zh-CN">{live.message['zh-CN']}</p>
            <p lang="en">{live.message.en}</p>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => client.call('incidents.end'))}
            >
              结束应急 End incident
            </button>
          </>
        ) : null}
      </section>
      {live ? null : (
        <section className="panel incident-form" aria-label="Start an incident">
          <fieldset>
            <legend>模式 Mode</legend>
            {MODES.map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="incident-mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => pickMode(value)}
                />
                {MODE_LABELS[value]}
              </label>
            ))}
          </fieldset>
          {notices.map(([lang, label, value, set]) => (
            <label key={lang}>
              {label}
              <textarea
                lang={lang}
                maxLength={500}
                value={value}
                onChange={(event) => set(event.target.value)}
              />
            </label>
          ))}
          <label>
            原因（仅内部）Reason (internal)
            <input
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <button type="button" className="danger" disabled={busy} onClick={start}>
            启动应急 Start incident
          </button>
        </section>
      )}
      <ErrorNote error={error} />
      <section className="panel" aria-labelledby="incident-history">
        <h3 id="incident-history">记录 History</h3>
        <ul>
          {(history.data ?? []).map((incident) => (
            <li key={incident.id}>
              {formatShanghai(incident.startedAt)}–
              {incident.endedAt ? formatShanghai(incident.endedAt) : '…'} ·{' '}
              {MODE_LABELS[incident.mode]} ·{' '}
              {incident.source === 'health' ? '健康检查 Health check' : (incident.startedBy ?? '')}
              {incident.reason ? ` · ${incident.reason}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
