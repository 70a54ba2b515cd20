import { z } from 'zod';
import { requireCustomerWritable } from '../customers/customer-guard';
import type { RunCommand } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import type { StorageAdapter } from '../storage/storage-adapter';
import { openTicket } from '../tickets/open-ticket';
import { IdSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import { isLowScore, SCALES, type Survey } from './survey';
import { applySurveyEvent, readSurvey, type SurveySubject } from './survey-commands';

const SubjectShape = {
  conversationId: IdSchema.optional(),
  ticketId: IdSchema.optional(),
};
const oneSubject: [
  (input: { conversationId?: string | undefined; ticketId?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (input) => (input.conversationId === undefined) !== (input.ticketId === undefined),
  { message: 'name either a conversationId or a ticketId', path: ['conversationId'] },
];

const AnswerSchema = z
  .object({
    ...SubjectShape,
    customerId: IdSchema,
    /** Question id → score on the survey's scale (CSAT 1–5, NPS 0–10, CES 1–7). */
    answers: z.record(z.string(), z.number().int()),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .refine(oneSubject[0], oneSubject[1]);

/**
 * What {@link AnswerSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.surveys.answer({ conversationId, customerId: 'cus_lin', answers: { csat: 5 }, comment: '很满意' });
 * ```
 */
export type AnswerSurveyInput = z.input<typeof AnswerSchema>;

const GetSchema = z.object(SubjectShape).refine(oneSubject[0], oneSubject[1]);

/**
 * What {@link GetSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const survey = await desk.surveys.get({ ticketId } satisfies SurveyRefInput);
 * ```
 */
export type SurveyRefInput = z.input<typeof GetSchema>;

/**
 * Satisfaction surveys (满意度调查): CSAT, NPS or CES after a conversation or ticket is resolved.
 *
 * @example
 * const survey = await desk.surveys.get({ conversationId });
 * if (survey) {
 *   await desk.surveys.answer({ conversationId, customerId: 'cus_lin', answers: { overall: 5 } });
 * }
 */
export interface SurveysApi {
  /**
   * Records the customer's one answer. A low score raises `survey.low_score` and, when configured,
   * opens a follow-up complaint ticket.
   *
   * @example
   * await desk.surveys.answer({ conversationId, customerId: 'cus_lin', answers: { overall: 5 }, comment: '很快！' });
   */
  answer(input: AnswerSurveyInput): Promise<Survey>;
  /** The survey of a conversation or ticket, or null. */
  get(input: SurveyRefInput): Promise<Survey | null>;
}

const refOf = (input: {
  conversationId?: string | undefined;
  ticketId?: string | undefined;
}): SurveySubject =>
  input.conversationId !== undefined
    ? { subject: 'conversation', id: input.conversationId }
    : { subject: 'ticket', id: input.ticketId ?? '' };

export function createSurveysApi(storage: StorageAdapter, run: RunCommand): SurveysApi {
  return {
    async answer(raw) {
      const input = parseInput(AnswerSchema, raw, 'survey answer');
      const ref = refOf(input);
      return run(async (tx, context) => {
        const found = await readSurvey(tx, ref);
        if (!found?.survey)
          throw new KefuError('NOT_FOUND', `No survey for ${ref.subject} "${ref.id}".`);
        if (found.customerId !== input.customerId) {
          throw new KefuError(
            'FORBIDDEN',
            'Only the customer who was asked can answer this survey.',
          );
        }
        // The survey's owner row is locked: that orders this against the erasure job's batch.
        await requireCustomerWritable(tx, found.customerId, 'a survey answer', { lock: false });
        const { survey } = found;
        const scale = SCALES[survey.kind];
        const issues = survey.questions.flatMap((question) => {
          const value = input.answers[question.id];
          if (value === undefined) return [{ path: `answers.${question.id}`, message: 'missing' }];
          if (value < scale.min || value > scale.max) {
            return [
              { path: `answers.${question.id}`, message: `must be ${scale.min}–${scale.max}` },
            ];
          }
          return [];
        });
        const unknown = Object.keys(input.answers).filter(
          (id) => !survey.questions.some((q) => q.id === id),
        );
        issues.push(
          ...unknown.map((id) => ({
            path: `answers.${id}`,
            message: 'not a question of this survey',
          })),
        );
        if (issues.length > 0) {
          throw new KefuError(
            'VALIDATION',
            `Invalid survey answer: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
            {
              issues,
            },
          );
        }
        const score = input.answers[survey.questions[0]?.id ?? ''] ?? 0;
        const answered = await applySurveyEvent(tx, context, ref, {
          type: 'ANSWER',
          at: context.now,
          answers: input.answers,
          comment: input.comment ?? null,
          score,
        });
        const settings = context.settings.surveys;
        if (isLowScore(answered.kind, score, settings.lowScoreAt)) {
          const ticket = settings.followUpTicket
            ? await openTicket(
                tx,
                context,
                context.settings.tickets,
                {
                  kind: 'complaint',
                  subject:
                    `${answered.kind.toUpperCase()} ${score}: ${input.comment ?? '顾客不满意 / customer dissatisfied'}`.slice(
                      0,
                      200,
                    ),
                  description: input.comment ?? '',
                  customerId: answered.customerId,
                  ...(answered.conversationId ? { conversationId: answered.conversationId } : {}),
                  severity: 'high',
                  attachments: [],
                  by: { kind: 'system', id: 'survey' },
                },
                null,
              )
            : null;
          context.emit({
            type: 'survey.low_score',
            at: context.now,
            subject: { kind: 'survey', id: answered.id },
            data: { survey: answered, ticketId: ticket?.id ?? null },
          });
        }
        return answered;
      });
    },
    async get(raw) {
      const ref = refOf(parseInput(GetSchema, raw, 'survey request'));
      const owner =
        ref.subject === 'conversation'
          ? await storage.read.conversations.get(ref.id)
          : await storage.read.tickets.get(ref.id);
      return owner?.survey ?? null;
    },
  };
}
