import type { OrderSnapshot, Resolution } from '@kefu/core';
import { type FormEvent, useState } from 'react';
import { type ResolutionKind, toResolution } from './resolution-input';

const KINDS: { kind: ResolutionKind; label: string }[] = [
  { kind: 'coupon', label: '优惠券补偿 Coupon' },
  { kind: 'points', label: '积分补偿 Points' },
  { kind: 'refund', label: '退款 Refund' },
  { kind: 'replacement', label: '补发 Replacement' },
  { kind: 'explanation', label: '说明 Explanation' },
];

/** Propose a resolution (提出解决方案) the customer accepts or rejects in their ticket timeline. */
export function ProposeForm({
  order,
  onPropose,
}: {
  order: OrderSnapshot | null;
  onPropose(resolution: Resolution, message: string): void;
}) {
  const [kind, setKind] = useState<ResolutionKind>('coupon');
  const [amount, setAmount] = useState('20');
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const resolution = toResolution(kind, amount, text, order);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (resolution) onPropose(resolution, message.trim());
  };
  return (
    <form className="propose" onSubmit={submit} aria-label="Propose a resolution">
      <select
        aria-label="Resolution"
        value={kind}
        onChange={(event) => setKind(event.target.value as ResolutionKind)}
      >
        {KINDS.map((option) => (
          <option key={option.kind} value={option.kind}>
            {option.label}
          </option>
        ))}
      </select>
      {kind === 'coupon' || kind === 'refund' || kind === 'points' ? (
        <input
          aria-label={kind === 'points' ? 'Points' : 'Amount (yuan)'}
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
      ) : null}
      {kind === 'explanation' ? (
        <input
          aria-label="Explanation"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      ) : null}
      <input
        aria-label="Message to the customer"
        placeholder="给顾客的说明 Message to the customer"
        value={message}
        onChange={(event) => setMessage(event.target.value)}
      />
      <button type="submit" disabled={!resolution}>
        提出方案 Propose
      </button>
    </form>
  );
}
