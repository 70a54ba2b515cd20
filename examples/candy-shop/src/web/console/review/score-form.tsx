import type { Review } from '@kefu/core';
import { useAgentClient } from '@kefu/widget-react/agent';
import { useState } from 'react';
import { ErrorNote } from '../error-note';
import { readScores } from './review-logic';

/**
 * Scoring a draft against its scorecard (0–100 per criterion, weights shown), a comment, then
 * submitting it to the agent; for a disputed review, upholding it or revising some scores.
 */
export function ScoreForm({ review, onChange }: { review: Review; onChange(next: Review): void }) {
  const client = useAgentClient();
  const [inputs, setInputs] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(review.scores).map(([id, score]) => [id, String(score)])),
  );
  const [comment, setComment] = useState(review.comment);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const draft = review.status === 'draft';
  const disputed = review.status === 'disputed';

  const send = async (
    method: 'quality.score' | 'quality.submit' | 'quality.resolve',
    input: Record<string, unknown>,
  ) => {
    setError(null);
    try {
      onChange(await client.call<Review>(method, { reviewId: review.id, ...input }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const scores = () => {
    const read = readScores(review.scorecard, inputs);
    if ('error' in read) setError(read.error);
    return 'error' in read ? null : read.scores;
  };

  return (
    <section className="panel score-form" aria-label="Scorecard">
      <h4>
        {review.scorecard.name}
        {review.total !== null ? ` · 总分 Total ${review.total}` : ''}
      </h4>
      <table>
        <tbody>
          {review.scorecard.criteria.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row">
                <label htmlFor={`score-${criterion.id}`}>{criterion.label}</label>
                <small> ×{criterion.weight}</small>
              </th>
              <td>
                <input
                  id={`score-${criterion.id}`}
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  disabled={!draft && !disputed}
                  value={inputs[criterion.id] ?? ''}
                  onChange={(event) =>
                    setInputs((previous) => ({ ...previous, [criterion.id]: event.target.value }))
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {draft ? (
        <>
          <label>
            评语 Comment
            <textarea value={comment} onChange={(event) => setComment(event.target.value)} />
          </label>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                const read = scores();
                if (read) void send('quality.score', { scores: read, comment });
              }}
            >
              保存评分 Save scores
            </button>
            <button
              type="button"
              disabled={review.total === null}
              onClick={() => void send('quality.submit', {})}
            >
              提交给客服 Submit to agent
            </button>
          </div>
        </>
      ) : null}
      {disputed ? (
        <>
          <p>
            申诉理由 Dispute: <q>{review.dispute?.reason}</q>
          </p>
          <label>
            处理意见 Note
            <textarea value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
          <div className="actions">
            <button
              type="button"
              onClick={() => void send('quality.resolve', { outcome: 'upheld', note })}
            >
              维持原判 Uphold
            </button>
            <button
              type="button"
              onClick={() => {
                const read = scores();
                if (read) void send('quality.resolve', { outcome: 'revised', note, scores: read });
              }}
            >
              按上方分数改判 Revise with the scores above
            </button>
          </div>
        </>
      ) : null}
      {review.resolution ? (
        <p className="muted">
          处理意见 Resolution: {review.resolution.note || '—'} ({review.resolution.by})
        </p>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}
