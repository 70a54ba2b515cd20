import { defineMachine } from '../machine/define-machine';
import type { Survey, SurveyStatus } from './survey';

/**
 * What moves a survey: send, answer, expire.
 *
 * @example
 * ```ts
 * const result = transition(surveyMachine, survey, { type: 'SEND', at: Date.now(), expiresAfterMs: 86_400_000 });
 * ```
 */
export type SurveyMachineEvent =
  | { type: 'SEND'; at: number; expiresAfterMs: number }
  | {
      type: 'ANSWER';
      at: number;
      answers: Record<string, number>;
      comment: string | null;
      score: number;
    }
  | { type: 'EXPIRE'; at: number };

/**
 * A survey's life: scheduled after resolution, sent after the delay, answered once, or expired.
 *
 * @example
 * transition(surveyMachine, survey, { type: 'EXPIRE', at: clock.now() });
 */
export const surveyMachine = defineMachine<SurveyStatus, Survey, SurveyMachineEvent, never>({
  id: 'survey',
  states: ['scheduled', 'sent', 'answered', 'expired'],
  initial: ['scheduled'],
  final: ['answered', 'expired'],
  on: {
    SEND: [
      {
        from: ['scheduled'],
        to: 'sent',
        update: (_s, e) => ({ sentAt: e.at, expiresAt: e.at + e.expiresAfterMs }),
      },
    ],
    ANSWER: [
      {
        from: ['sent'],
        to: 'answered',
        guard: { name: 'not expired', check: (s, e) => s.expiresAt === null || e.at < s.expiresAt },
        update: (_s, e) => ({
          answeredAt: e.at,
          answers: e.answers,
          comment: e.comment,
          score: e.score,
        }),
      },
    ],
    EXPIRE: [{ from: ['scheduled', 'sent'], to: 'expired' }],
  },
});
