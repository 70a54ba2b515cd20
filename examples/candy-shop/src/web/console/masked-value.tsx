import { REVEALED_TITLE, revealLabel } from './reveal-text';
import './reveal.css';
import { type RevealTarget, useReveal } from './use-reveal';

/**
 * One masked value as the agent sees it (`139****5678`) with a 「显示 Reveal」 button; once
 * revealed, the original in place, outlined and titled as revealed and audited.
 */
export function MaskedValue({
  masked,
  target,
  span,
}: {
  masked: string;
  target: RevealTarget;
  span: number;
}) {
  const { state, reveal } = useReveal(target, span);
  if (state.status === 'revealed') {
    return (
      <span className="revealed" title={REVEALED_TITLE} data-testid="revealed-value">
        {state.value}
      </span>
    );
  }
  return (
    <span className="masked-value">
      {masked}
      <button
        type="button"
        className="reveal-button"
        aria-label={revealLabel(masked)}
        disabled={state.status === 'revealing'}
        onClick={() => void reveal()}
      >
        显示 Reveal
      </button>
      {state.status === 'failed' ? (
        <span className="reveal-note" role="alert">
          {state.note}
        </span>
      ) : null}
    </span>
  );
}
