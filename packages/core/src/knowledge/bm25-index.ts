import { tokenize } from './tokenize';

/**
 * What the index stores of a document: searchable fields and filters.
 *
 * @example
 * ```ts
 * const index = new Bm25Index();
 * index.add({ id: 'kb_1', title: '发货时间', body: '付款后 48 小时内发货', tags: ['shipping'], locale: 'zh-CN' } satisfies IndexedDocument);
 * ```
 */
export interface IndexedDocument {
  id: string;
  title: string;
  body: string;
  tags: readonly string[];
  locale: string;
}

/**
 * A matching document id and its BM25 score (higher is better).
 *
 * @example
 * ```ts
 * const [best]: SearchHit[] = index.search('多久发货', { limit: 1 });
 * ```
 */
export interface SearchHit {
  id: string;
  score: number;
}

/**
 * How many hits, and in which locale.
 *
 * @example
 * ```ts
 * const hits = index.search('shipping time', { limit: 3, locale: 'en' } satisfies SearchOptions);
 * ```
 */
export interface SearchOptions {
  limit?: number;
  /** Only documents in this locale (`zh-CN`, `en`…); all when left out. */
  locale?: string;
}

// Title and tag matches count more than body matches (BM25F-style field weights).
const FIELD_WEIGHTS = { title: 3, tags: 2, body: 1 } as const;
const K1 = 1.2;
const B = 0.75;

interface Posting {
  doc: number;
  tf: number;
}

/**
 * An in-memory BM25 index over title, body and tags, for Chinese (both scripts), Japanese and
 * English. Adding a document with an existing id replaces it.
 *
 * @example
 * const index = new Bm25Index();
 * index.add({ id: 'kb_ship', title: '发货时间', body: '下单后 48 小时内发货', tags: ['物流'], locale: 'zh-CN' });
 * index.search('什么时候发货'); // [{ id: 'kb_ship', score: … }]
 */
export class Bm25Index {
  readonly #ids: string[] = [];
  readonly #slots = new Map<string, number>();
  readonly #locales: string[] = [];
  readonly #lengths: number[] = [];
  readonly #postings = new Map<string, Posting[]>();
  readonly #terms: Map<string, number>[] = [];
  #alive = 0;
  #totalLength = 0;

  get size(): number {
    return this.#alive;
  }

  add(doc: IndexedDocument): void {
    this.remove(doc.id);
    const weighted = new Map<string, number>();
    const count = (text: string, weight: number) => {
      for (const term of tokenize(text)) weighted.set(term, (weighted.get(term) ?? 0) + weight);
    };
    count(doc.title, FIELD_WEIGHTS.title);
    count(doc.body, FIELD_WEIGHTS.body);
    count(doc.tags.join(' '), FIELD_WEIGHTS.tags);
    const slot = this.#ids.length;
    const length = [...weighted.values()].reduce((sum, tf) => sum + tf, 0);
    this.#ids.push(doc.id);
    this.#locales.push(doc.locale);
    this.#lengths.push(length);
    this.#terms.push(weighted);
    this.#slots.set(doc.id, slot);
    for (const [term, tf] of weighted) {
      const list = this.#postings.get(term);
      if (list) list.push({ doc: slot, tf });
      else this.#postings.set(term, [{ doc: slot, tf }]);
    }
    this.#alive++;
    this.#totalLength += length;
  }

  remove(id: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    for (const term of this.#terms[slot]?.keys() ?? []) {
      const list = this.#postings.get(term);
      if (!list) continue;
      const kept = list.filter((posting) => posting.doc !== slot);
      if (kept.length === 0) this.#postings.delete(term);
      else this.#postings.set(term, kept);
    }
    this.#slots.delete(id);
    this.#alive--;
    this.#totalLength -= this.#lengths[slot] ?? 0;
    this.#terms[slot] = new Map();
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    if (this.#alive === 0) return [];
    const averageLength = this.#totalLength / this.#alive;
    const scores = new Map<number, number>();
    for (const term of new Set(tokenize(query))) {
      const list = this.#postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (this.#alive - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        if (options.locale !== undefined && this.#locales[doc] !== options.locale) continue;
        const norm = tf + K1 * (1 - B + (B * (this.#lengths[doc] ?? 0)) / averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * (tf * (K1 + 1))) / norm);
      }
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc, score]) => ({ id: this.#ids[doc] as string, score }));
  }
}
