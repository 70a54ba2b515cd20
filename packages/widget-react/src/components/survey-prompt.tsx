import { type FormEvent, useId, useState } from 'react';
import type { WireSurvey } from '../client-types';
import { useConversation } from '../hooks/use-conversation';
import { useKefuClient } from '../hooks/use-kefu-client';
import { useWidgetI18n } from '../i18n/i18n-context';
import { pickLocale } from '../i18n/pick-locale';

function questionText(text: Record<string, string>, locale: string): string {
  const available = Object.keys(text);
  return text[pickLocale([locale], available, available[0] ?? 'en')] ?? '';
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
}

/**
 * The satisfaction survey (满意度调查) once the desk sent it after the conversation was resolved:
 * one scale per question and an optional comment; then a thank-you.
 *
 * @example
 * <SurveyPrompt conversationId={conversationId} />
 */
export function SurveyPrompt({ conversationId }: { conversationId: string | null }) {
  const survey = useConversation(conversationId)?.survey ?? null;
  if (!conversationId || !survey) return null;
  if (survey.status === 'answered') return <SurveyThanks />;
  if (survey.status !== 'sent') return null;
  return <SurveyForm key={survey.id} conversationId={conversationId} survey={survey} />;
}

function SurveyThanks() {
  const { t } = useWidgetI18n();
  return (
    <div className="kefu-notice" role="status">
      <p>{t('surveyThanks')}</p>
    </div>
  );
}

function SurveyForm({ conversationId, survey }: { conversationId: string; survey: WireSurvey }) {
  const { t, locale } = useWidgetI18n();
  const client = useKefuClient();
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
          <legend>{questionText(question.text, locale)}</legend>
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
