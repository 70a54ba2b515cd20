import type { KefuClient } from '@kefu/client';
import { type FormEvent, useId, useState } from 'react';
import type { WireSurvey } from '../client-types';
import { enSurvey } from '../i18n/en-parts';
import { withPartI18n } from '../i18n/part-translate';
import type { Translate } from '../i18n/translate';
import { zhCNSurvey } from '../i18n/zh-cn-parts';
import { surveyCss } from '../theme/parts-css';
import { usePartCss } from '../theme/use-part-css';

/** What the survey part is given by `SurveyPrompt` (lazy-parts.tsx). */
export interface SurveyPartProps {
  conversationId: string;
  survey: WireSurvey;
  t: Translate;
  client: KefuClient;
  /** A question's text in the customer's language. */
  pick(text: Record<string, string>): string;
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
}

/**
 * The satisfaction survey (满意度调查) once the desk sent it after the conversation was resolved:
 * one scale per question and an optional comment; then a thank-you. Loaded on first use.
 */
function SurveyPartView(props: SurveyPartProps) {
  usePartCss('survey', surveyCss);
  if (props.survey.status === 'answered') {
    return (
      <div className="kefu-notice" role="status">
        <p>{props.t('surveyThanks')}</p>
      </div>
    );
  }
  return <SurveyForm key={props.survey.id} {...props} />;
}

function SurveyForm({ conversationId, survey, t, client, pick }: SurveyPartProps) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const commentId = useId();
  const headingId = useId();
  const complete = survey.questions.every((question) => answers[question.id] !== undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete || busy) return;
    setBusy(true);
    setError(null);
    try {
      await client.rate(conversationId, {
        answers,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <form className="kefu-form kefu-survey" aria-labelledby={headingId} onSubmit={onSubmit}>
      <p>{t('resolved')}</p>
      <h3 id={headingId}>{t('surveyTitle')}</h3>
      {survey.questions.map((question) => (
        <fieldset key={question.id}>
          <legend>{pick(question.text)}</legend>
          <div className="kefu-scale">
            {range(survey.scale.min, survey.scale.max).map((score) => (
              <label key={score}>
                <input
                  type="radio"
                  name={`${survey.id}-${question.id}`}
                  value={score}
                  checked={answers[question.id] === score}
                  onChange={() => setAnswers((current) => ({ ...current, [question.id]: score }))}
                  aria-label={t('surveyScore', { score, max: survey.scale.max })}
                />
                <span aria-hidden="true">{score}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <label htmlFor={commentId}>{t('surveyComment')}</label>
      <textarea
        id={commentId}
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      {error ? (
        <p className="kefu-failed" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="kefu-button" disabled={!complete || busy}>
        {t('surveySubmit')}
      </button>
    </form>
  );
}

/** `SurveyPartView` with its strings (i18n/part-translate.tsx). */
export const SurveyPart = withPartI18n(SurveyPartView, { en: enSurvey, 'zh-CN': zhCNSurvey });
