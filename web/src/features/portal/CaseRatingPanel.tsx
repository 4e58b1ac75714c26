import { useId, useState, type FormEvent } from 'react';
import type { CaseRating } from '@shared/domain/cases/case';
import type { PortalCase } from '@shared/domain/portal/portal-case';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { focusFirstInvalid } from '../../ui/FormDialog';
import { apiErrorMessage } from '../../api/api-error-message';
import { apiIssues, checkRating, conflictCode, scores, type FieldErrors } from './portal-cases';
import { BusyButton, RatingStars } from './PortalCaseBits';
import { usePortalMessages } from './portal-messages';
import { useRatePortalCase } from './use-portal-cases';

/**
 * The client's rating of the service (SRV-5): once the case is resolved or closed and not rated
 * yet, 1 to 5 stars (a radio group: arrow keys move, each star says its score and word) with an
 * optional comment; afterwards the rating given.
 */
export function CaseRatingPanel({ c }: { c: PortalCase }) {
  const p = usePortalMessages();
  // Rated while the page was open: thank the client.
  const [ratedBefore] = useState(Boolean(c.rating));
  return (
    <section className="detail-section portal-rating" aria-labelledby="portal-rating-title" data-testid="portal-rating">
      <h2 className="detail-title" id="portal-rating-title">
        {c.rating ? p.rating.yours : p.rating.title}
      </h2>
      {c.rating ? <RatingGiven rating={c.rating} thanks={!ratedBefore} /> : <RatingForm c={c} />}
    </section>
  );
}

function RatingGiven({ rating, thanks }: { rating: CaseRating; thanks: boolean }) {
  const p = usePortalMessages();
  const { format } = useI18n();
  return (
    <div data-testid="portal-rating-given">
      {thanks ? (
        <p className="portal-thanks" role="status">
          {p.rating.thanks}
        </p>
      ) : null}
      <p className="portal-rating-score">
        <RatingStars rating={rating} /> <strong data-testid="portal-rating-score">{p.rating.outOf(rating.score)}</strong> <span className="muted">— {p.rating.scores[rating.score]}</span>
      </p>
      {rating.comment ? (
        <blockquote className="portal-rating-comment pre-line break" data-testid="portal-rating-comment">
          {rating.comment}
        </blockquote>
      ) : null}
      <p className="muted portal-rating-at">{p.rating.ratedAt(format.dateTime(rating.at))}</p>
    </div>
  );
}

function RatingForm({ c }: { c: PortalCase }) {
  const p = usePortalMessages();
  const m = p.rating;
  const { t } = useI18n();
  const id = useId();
  const rate = useRatePortalCase(c.id);
  const [score, setScore] = useState<number>();
  const [hovered, setHovered] = useState<number>();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'score' | 'comment'>>({});
  const [failure, setFailure] = useState<string>();
  const shown = hovered ?? score ?? 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rate.isPending) return;
    setFailure(undefined);
    const checked = checkRating(score, comment, p);
    if (!checked.ok) {
      setErrors(checked.problems.fields);
      return focusFirstInvalid('.portal-rating-form');
    }
    setErrors({});
    rate.mutate(checked.body, {
      onError: (refusal) => {
        const conflict = conflictCode(refusal);
        if (conflict === 'already_rated') return setFailure(m.alreadyRated);
        if (conflict === 'not_resolved') return setFailure(m.notResolved);
        const placed = apiIssues(refusal, ['score', 'comment'] as const, p.issues);
        if (placed && Object.keys(placed.fields).length > 0) {
          setErrors(placed.fields);
          focusFirstInvalid('.portal-rating-form');
        } else setFailure(apiErrorMessage(refusal, t));
      },
    });
  }

  const scoreError = errors.score ? `${id}-score-error` : undefined;
  return (
    <form className="portal-rating-form" onSubmit={submit} noValidate aria-busy={rate.isPending} data-testid="portal-rating-form">
      <p className="muted">{m.hint}</p>
      {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
      <fieldset className={errors.score ? 'portal-choices field-invalid' : 'portal-choices'} aria-describedby={scoreError}>
        <legend className="field-label">{m.score}</legend>
        <div className="portal-stars-input" onMouseLeave={() => setHovered(undefined)}>
          {scores.map((n) => (
            <label key={n} className={n <= shown ? 'portal-star lit' : 'portal-star'} onMouseEnter={() => setHovered(n)} data-testid={`portal-rate-${n}`}>
              <input
                type="radio"
                className="visually-hidden"
                name={`${id}-score`}
                value={n}
                checked={score === n}
                aria-invalid={Boolean(errors.score)}
                onChange={() => {
                  setScore(n);
                  setErrors(({ score: _score, ...rest }) => rest);
                }}
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">
                {n} — {m.scores[n]}
              </span>
            </label>
          ))}
          <span className="portal-star-words" aria-hidden="true">
            {shown ? m.scores[shown] : null}
          </span>
        </div>
        {errors.score ? (
          <p className="field-error" id={scoreError}>
            {errors.score}
          </p>
        ) : null}
      </fieldset>
      <Field id={`${id}-comment`} label={m.comment} error={errors.comment}>
        {(aria) => <textarea {...aria} rows={3} maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)} data-testid="portal-rating-comment-input" />}
      </Field>
      <div className="form-actions">
        <BusyButton busy={rate.isPending} label={m.submit} busyLabel={m.submitting} testId="portal-rating-submit" />
      </div>
    </form>
  );
}
