/**
 * BEGIN and a transaction's first statement in one round trip. `pg` sends one statement at a
 * time and waits for its answer, so a separate BEGIN costs a round trip, about as much as a
 * short read: for routing, which tries conversations other nodes may have taken (BEGIN, one
 * read that finds nothing, COMMIT), that is a third of the work. The simple query protocol
 * takes several statements in one message, but no bound parameters, so the values are written
 * in as literals.
 *
 * Only for reads whose values are short ids, numbers or statuses: no statement with documents
 * (message texts, customer data) in its values goes this way, so nothing personal ends up in a
 * server log that prints statements. Everything else gets a BEGIN of its own, as before.
 */

const QUOTE_OR_BACKSLASH = /['\\]/;

/** Longer values go as parameters: ids and statuses are far shorter. */
const MAX_LITERAL_LENGTH = 200;

/**
 * A string as an SQL literal, as `pg`'s `escapeLiteral` writes it: quotes doubled, and with
 * backslashes doubled under `E'…'` so the literal means the same whatever
 * `standard_conforming_strings` says. `pg` connections always talk UTF-8, where no byte of a
 * multi-byte character can pass for a quote or a backslash.
 */
export function quoteLiteral(value: string): string {
  // Ids almost never hold either: then the value goes between quotes as it is.
  if (!QUOTE_OR_BACKSLASH.test(value)) return `'${value}'`;
  let quoted = "'";
  let backslash = false;
  for (const char of value) {
    if (char === "'") quoted += "''";
    else if (char === '\\') {
      quoted += '\\\\';
      backslash = true;
    } else quoted += char;
  }
  quoted += "'";
  return backslash ? `E${quoted}` : quoted;
}

/** Routing offers a stretch of the queue: that many ids at most go as one array literal. */
const MAX_ARRAY_LENGTH = 64;

/**
 * An array of short strings as the text `pg` would have sent for it (`{"a","b"}`: every element
 * double-quoted, `"` and `\` escaped with a backslash), or null when it does not qualify.
 */
function arrayText(values: readonly unknown[]): string | null {
  if (values.length > MAX_ARRAY_LENGTH) return null;
  const elements: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string' || value.length > MAX_LITERAL_LENGTH) return null;
    if (value.includes('\u0000')) return null;
    elements.push(`"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`);
  }
  return `{${elements.join(',')}}`;
}

/** One value as the literal `pg` would have sent as text (untyped, typed by its context). */
function literalOf(value: unknown): string | null {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) {
    const text = arrayText(value);
    return text === null ? null : quoteLiteral(text);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `'${value}'` : null;
  if (typeof value !== 'string' || value.length > MAX_LITERAL_LENGTH) return null;
  // Postgres text cannot hold NUL; as a parameter it fails the same way, so leave it to that.
  return value.includes('\u0000') ? null : quoteLiteral(value);
}

/**
 * `BEGIN; <text with its values written in>`, or `null` when the statement does not qualify: not
 * a SELECT, string constants or dollar quotes of its own (where a `$1` may not be a parameter),
 * or a value that is not a short string, a finite number, null or a short array of short strings.
 */
export function fusedBegin(text: string, params: readonly unknown[]): string | null {
  if (!/^\s*SELECT\s/i.test(text) || text.includes("'") || /\$(?!\d)/.test(text)) return null;
  const literals: string[] = [];
  for (const value of params) {
    const literal = literalOf(value);
    if (literal === null) return null;
    literals.push(literal);
  }
  let missing = false;
  const inlined = text.replace(/\$(\d+)/g, (_, n: string) => {
    const literal = literals[Number(n) - 1];
    if (literal === undefined) missing = true;
    return literal ?? '';
  });
  return missing ? null : `BEGIN; ${inlined}`;
}
