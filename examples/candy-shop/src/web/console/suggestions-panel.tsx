import type { KnowledgeHit } from '@kefu/core';
import { useDeskCall } from './use-desk-call';

/** Knowledge articles for what the customer asked (`knowledge.suggestFor`); click to quote one. */
export function SuggestionsPanel({
  conversationId,
  lastSeq,
  locale,
  onQuote,
}: {
  conversationId: string;
  lastSeq: number;
  locale: string | undefined;
  onQuote(text: string): void;
}) {
  const suggestions = useDeskCall<KnowledgeHit[]>(
    'knowledge.suggestFor',
    { conversationId, ...(locale ? { locale } : {}), limit: 3 },
    // Asks again when the conversation moves on.
    { refreshKey: lastSeq },
  );
  const hits = suggestions.data ?? [];
  return (
    <section className="panel" aria-labelledby="kb-heading">
      <h3 id="kb-heading">知识库建议 Suggested articles</h3>
      {hits.length === 0 ? <p className="muted">—</p> : null}
      <ul className="suggestions">
        {hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="link" onClick={() => onQuote(hit.body)}>
              {hit.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
