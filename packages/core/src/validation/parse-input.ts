import type { z } from 'zod';
import { KefuError, type KefuIssue } from '../errors/kefu-error';

/** Turns zod issues into Kefu issues with dotted paths (`author.id`). */
export function toKefuIssues(error: z.ZodError): KefuIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/**
 * Validates input at a boundary. Bad input becomes a `VALIDATION` error naming every bad field,
 * before anything is read or written.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toKefuIssues(result.error);
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new KefuError('VALIDATION', `Invalid ${what}: ${summary}`, { issues, cause: result.error });
}
