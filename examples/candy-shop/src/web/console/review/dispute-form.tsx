import type { Review } from '@kefu/core';
import { useAgentClient } from '@kefu/widget-react/agent';
import { useState } from 'react';
import { ErrorNote } from '../error-note';

/** The reviewed agent contests a submitted review, once, with a reason. */
export function DisputeForm({
  review,
  onChange,
}: {
  review: Review;
  onChange(next: Review): void;
}) {
  const client = useAgentClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (review.status !== 'submitted') return null;
  const dispute = async () => {
    setError(null);
    if (!reason.trim()) {
      setError('请写明申诉理由 Say why you dispute it');
      return;
    }
    try {
      onChange(await client.call<Review>('quality.dispute', { reviewId: review.id, reason }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <section className="panel dispute-form" aria-label="Dispute">
      <label>
        申诉理由 Why you dispute this review
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="button" onClick={() => void dispute()}>
        提交申诉 Dispute
      </button>
      <ErrorNote error={error} />
    </section>
  );
}
