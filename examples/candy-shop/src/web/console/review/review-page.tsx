import type { Conversation, Review, SampledConversation, Scorecard } from '@kefu/core';
import { useAgentClient } from '@kefu/widget-react/agent';
import { useMemo, useState } from 'react';
import type { DemoAgentAccount } from '../../../shared/demo-api';
import { formatShanghai } from '../../shared/format';
import { useDeskCall } from '../use-desk-call';
import { DisputeForm } from './dispute-form';
import { STATUS_LABELS, sampleWeek } from './review-logic';
import { ReviewTranscript } from './review-transcript';
import { ScoreForm } from './score-form';
import './review.css';
import { ErrorNote } from '../error-note';

const REASONS: Record<SampledConversation['reason'], string> = {
  random: '随机抽检 Random',
  low_csat: '低满意度 Low CSAT',
  sla_breached: 'SLA 超时 SLA breached',
};

/**
 * Quality review (质检). Supervisors see this week's sample (a share per agent, plus every low-CSAT
 * or SLA-breached conversation), start a review, score it against the scorecard beside the
 * transcript and its rule flags, submit it and settle disputes. An agent sees their own reviews
 * and may dispute a submitted one.
 */
export function ReviewPage({
  self,
  agentNames,
}: {
  self: DemoAgentAccount;
  agentNames: ReadonlyMap<string, string>;
}) {
  const client = useAgentClient();
  const supervisor = self.role === 'supervisor';
  const week = useMemo(() => sampleWeek(Date.now()), []);
  const [round, setRound] = useState(0);
  const reviews = useDeskCall<Review[]>('quality.list', {}, { refreshKey: round });
  const sample = useDeskCall<SampledConversation[]>(
    'quality.sample',
    supervisor ? { ...week, share: 0.5 } : null,
  );
  const cards = useDeskCall<Scorecard[]>('quality.scorecards', supervisor ? {} : null);
  // Reviewable before the sample has them: resolved conversations close only later.
  const resolved = useDeskCall<{ items: Conversation[] }>(
    'conversations.list',
    supervisor ? { status: ['resolved'], limit: 20 } : null,
    { refreshKey: round },
  );
  const [selected, setSelected] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = (id: string) => agentNames.get(id) ?? id;

  const changed = (next: Review) => {
    setSelected(next);
    setRound((value) => value + 1);
  };
  const start = async (conversationId: string) => {
    const scorecard = cards.data?.[0];
    if (!scorecard) return;
    setError(null);
    try {
      changed(await client.call<Review>('quality.start', { conversationId, scorecard }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const reviewed = new Map((reviews.data ?? []).map((r) => [r.conversationId, r]));

  return (
    <div className="review-page">
      <aside className="review-lists">
        {supervisor ? (
          <>
            <PickSection
              id="sample-heading"
              title={`本周抽检 This week's sample (${week.seed})`}
              empty="本周暂无已关闭会话 No closed conversations this week"
              error={sample.error}
              picks={(sample.data ?? []).map((pick) => ({
                conversationId: pick.conversationId,
                what: `${name(pick.agentId)} · ${formatShanghai(pick.closedAt)} · ${REASONS[pick.reason]}`,
              }))}
              loaded={sample.data !== null}
              reviewed={reviewed}
              onOpen={setSelected}
              onStart={start}
            />
            <PickSection
              id="resolved-heading"
              title="最近解决 Resolved, not yet closed"
              empty="暂无 None"
              error={resolved.error}
              picks={(resolved.data?.items ?? []).flatMap((c) =>
                c.assigneeId
                  ? [
                      {
                        conversationId: c.id,
                        what: `${name(c.assigneeId)} · ${formatShanghai(c.updatedAt)}`,
                      },
                    ]
                  : [],
              )}
              loaded={resolved.data !== null}
              reviewed={reviewed}
              onOpen={setSelected}
              onStart={start}
            />
          </>
        ) : null}
        <section className="panel" aria-labelledby="reviews-heading">
          <h3 id="reviews-heading">{supervisor ? '质检记录 Reviews' : '我的质检 My reviews'}</h3>
          {reviews.error ? <p className="error">{reviews.error}</p> : null}
          <ul className="review-list">
            {(reviews.data ?? []).map((review) => (
              <li key={review.id}>
                <button
                  type="button"
                  className="secondary"
                  aria-pressed={selected?.id === review.id}
                  onClick={() => setSelected(review)}
                >
                  {name(review.agentId)} · {STATUS_LABELS[review.status]}
                  {review.total !== null ? ` · ${review.total}` : ''}
                </button>
              </li>
            ))}
            {reviews.data?.length === 0 ? <li className="muted">暂无 None yet</li> : null}
          </ul>
        </section>
        <ErrorNote error={error} />
      </aside>
      {selected ? (
        <div className="review-detail" key={selected.id}>
          <ReviewTranscript conversationId={selected.conversationId} flags={selected.flags} />
          {supervisor ? (
            <ScoreForm
              key={`${selected.id}:${selected.version}`}
              review={selected}
              onChange={changed}
            />
          ) : (
            <>
              <ReadOnlyScores review={selected} />
              {selected.agentId === self.id ? (
                <DisputeForm review={selected} onChange={changed} />
              ) : null}
            </>
          )}
        </div>
      ) : (
        <p className="muted empty">选择一条质检 Pick a review or a sampled conversation</p>
      )}
    </div>
  );
}

function ReadOnlyScores({ review }: { review: Review }) {
  return (
    <section className="panel" aria-label="Scores">
      <h4>
        {review.scorecard.name} · {STATUS_LABELS[review.status]}
        {review.total !== null ? ` · 总分 Total ${review.total}` : ''}
      </h4>
      <ul>
        {review.scorecard.criteria.map((criterion) => (
          <li key={criterion.id}>
            {criterion.label}: {review.scores[criterion.id] ?? '—'}
          </li>
        ))}
      </ul>
      {review.comment ? <p>评语 Comment: {review.comment}</p> : null}
      {review.dispute ? <p>申诉 Dispute: {review.dispute.reason}</p> : null}
      {review.resolution ? <p>处理意见 Resolution: {review.resolution.note || '—'}</p> : null}
    </section>
  );
}

/** Conversations a supervisor may review: open the review, or start one. */
function PickSection(props: {
  id: string;
  title: string;
  empty: string;
  error: string | null;
  picks: { conversationId: string; what: string }[];
  loaded: boolean;
  reviewed: ReadonlyMap<string, Review>;
  onOpen(review: Review): void;
  onStart(conversationId: string): void;
}) {
  return (
    <section className="panel" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <ErrorNote error={props.error} />
      <ul className="review-list">
        {props.picks.map((pick) => {
          const existing = props.reviewed.get(pick.conversationId);
          return (
            <li key={pick.conversationId}>
              <span>{pick.what}</span>
              {existing ? (
                <button type="button" className="secondary" onClick={() => props.onOpen(existing)}>
                  {STATUS_LABELS[existing.status]}
                </button>
              ) : (
                <button type="button" onClick={() => props.onStart(pick.conversationId)}>
                  开始质检 Review
                </button>
              )}
            </li>
          );
        })}
        {props.loaded && props.picks.length === 0 ? <li className="muted">{props.empty}</li> : null}
      </ul>
    </section>
  );
}
