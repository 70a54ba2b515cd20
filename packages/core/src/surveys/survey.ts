import { z } from 'zod';

/**
 * The survey kinds a desk can send.
 *
 * @example
 * ```ts
 * const kind = SURVEY_KINDS.includes(input as SurveyKind) ? (input as SurveyKind) : 'csat';
 * ```
 */
export const SURVEY_KINDS = ['csat', 'nps', 'ces'] as const;
/**
 * CSAT 1–5 (satisfied?), NPS 0–10 (would you recommend?), CES 1–7 (how much effort?).
 *
 * @example
 * ```ts
 * const desk = createDesk({ storage, settings: { surveys: { enabled: true, kind: 'nps' satisfies SurveyKind } } });
 * ```
 */
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/**
 * The answer scale of each survey kind.
 *
 * @example
 * ```ts
 * const { min, max } = SCALES.csat; // 1..5
 * const stars = Array.from({ length: max - min + 1 }, (_, i) => min + i);
 * ```
 */
export const SCALES: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};

/**
 * Where a survey is: scheduled after resolution, sent, answered, or expired unanswered.
 *
 * @example
 * ```ts
 * const waiting = (survey: Survey) => survey.status === ('sent' satisfies SurveyStatus);
 * ```
 */
export type SurveyStatus = 'scheduled' | 'sent' | 'answered' | 'expired';

export const SurveyQuestionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
  /** Question text by locale, e.g. `{ 'zh-CN': '您对本次服务满意吗？', en: 'How satisfied are you?' }`. */
  text: z.record(z.string(), z.string().min(1).max(300)),
});

/**
 * The value {@link SurveyQuestionSchema} parses to.
 *
 * @example
 * ```ts
 * const question: SurveyQuestion = {
 *   id: 'csat',
 *   text: { 'zh-CN': '您对本次服务满意吗？', en: 'How satisfied are you?' },
 * };
 * ```
 */
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

/**
 * A satisfaction survey (满意度调查) of one resolved conversation or ticket.
 *
 * @example
 * ```ts
 * const survey: Survey | null = await desk.surveys.get({ conversationId });
 * if (survey?.status === 'answered') console.log(survey.score);
 * ```
 */
export interface Survey {
  id: string;
  kind: SurveyKind;
  conversationId: string | null;
  ticketId: string | null;
  customerId: string;
  agentId: string | null;
  status: SurveyStatus;
  /** The first question is the overall one: its answer is the survey's `score`. */
  questions: SurveyQuestion[];
  answers: Record<string, number>;
  comment: string | null;
  score: number | null;
  scheduledFor: number;
  sentAt: number | null;
  answeredAt: number | null;
  expiresAt: number | null;
}

const MINUTE = 60_000;

export const SurveySettingsSchema = z.object({
  enabled: z.boolean().default(false),
  kind: z.enum(SURVEY_KINDS).default('csat'),
  /** What is surveyed when it is resolved. */
  on: z
    .array(z.enum(['conversation', 'ticket']))
    .min(1)
    .default(['conversation']),
  /** Wait this long after resolution before sending. */
  delayMs: z
    .number()
    .int()
    .nonnegative()
    .default(5 * MINUTE),
  expiresAfterMs: z
    .number()
    .int()
    .positive()
    .default(7 * 24 * 60 * MINUTE),
  questions: z
    .array(SurveyQuestionSchema)
    .min(1)
    .max(10)
    .default([
      {
        id: 'overall',
        text: { 'zh-CN': '您对本次服务满意吗？', en: 'How satisfied are you with our service?' },
      },
    ]),
  /** A score at or below this (at or above, for CES) is low: `survey.low_score`. */
  lowScoreAt: z.number().int().optional(),
  /** Open a complaint ticket for a low score. */
  followUpTicket: z.boolean().default(false),
});

/**
 * What {@link SurveySettingsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const desk = createDesk({
 *   storage,
 *   settings: { surveys: { enabled: true, kind: 'csat', on: ['conversation', 'ticket'] } },
 * });
 * ```
 */
export type SurveySettingsInput = z.input<typeof SurveySettingsSchema>;

/**
 * The value {@link SurveySettingsSchema} parses to.
 *
 * @example
 * ```ts
 * const settings: SurveySettings = SurveySettingsSchema.parse({ enabled: true });
 * console.log(settings.kind); // 'csat'
 * ```
 */
export type SurveySettings = z.output<typeof SurveySettingsSchema>;

const DEFAULT_LOW: Record<SurveyKind, number> = { csat: 2, nps: 6, ces: 5 };

/**
 * True for a disappointed answer: CSAT ≤ 2, NPS ≤ 6 (a detractor), CES ≥ 5 (hard work).
 *
 * @example
 * ```ts
 * if (isLowScore('csat', answer.score)) await desk.tickets.create({ kind: 'complaint', subject: '差评回访', customerId, by });
 * isLowScore('nps', 6); // true: a detractor
 * ```
 */
export function isLowScore(
  kind: SurveyKind,
  score: number,
  threshold = DEFAULT_LOW[kind],
): boolean {
  return kind === 'ces' ? score >= threshold : score <= threshold;
}
