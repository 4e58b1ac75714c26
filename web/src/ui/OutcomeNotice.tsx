import { ErrorNotice } from './ErrorNotice';

/** What came of the last action on a page: a failure as an alert, a success said politely. */
export type Outcome = { kind: 'done' | 'failed'; text: string };

export function OutcomeNotice({ outcome, testId }: { outcome: Outcome | undefined; testId: string }) {
  return (
    <>
      {outcome?.kind === 'failed' ? <ErrorNotice>{outcome.text}</ErrorNotice> : null}
      <p className="muted" role="status" data-testid={testId}>
        {outcome?.kind === 'done' ? outcome.text : null}
      </p>
    </>
  );
}
