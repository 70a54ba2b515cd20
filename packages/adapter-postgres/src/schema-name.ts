import { KefuError } from '@kefu/core';

// Lower case only, and short enough that `kefu_events_<schema>` stays a valid channel name.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/**
 * Checks a schema name and returns it double-quoted for SQL. The schema is the only value ever
 * spliced into SQL text; everything else is a bound parameter.
 */
export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new KefuError(
      'VALIDATION',
      `Schema name "${schema}" is not allowed; use lower-case letters, digits and "_" (at most 48, not starting with a digit).`,
    );
  }
  return `"${schema}"`;
}

/** The LISTEN/NOTIFY channel of a schema's event log. */
export function eventChannel(schema: string): string {
  quoteSchema(schema);
  return `kefu_events_${schema}`;
}
