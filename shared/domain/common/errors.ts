import type { ErrorCode, FieldIssue } from '../../api/contracts';

/**
 * Failures the domain reports on purpose. Handlers map them to HTTP statuses in one place
 * (functions/http/errors.ts); anything else is a 500.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; currentVersion?: number; mergedInto?: { type: string; id: string } } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} not found`);

export const versionConflict = (currentVersion: number | undefined): DomainError =>
  new DomainError(
    'version_conflict',
    'This record was changed by someone else since you loaded it; reload it and apply your change again',
    currentVersion === undefined ? {} : { currentVersion },
  );

export const invalidField = (path: string, message: string, code = 'invalid'): DomainError =>
  new DomainError('validation_failed', `${path}: ${message}`, { fields: [{ path, message, code }] });

/** The record was merged into another (REC-12): answered 308 with the survivor's location. */
export const moved = (what: string, mergedInto: { type: string; id: string }): DomainError =>
  new DomainError('moved', `${what} was merged into another record`, { mergedInto });

/** An update that would change nothing is refused, so every version on a timeline is a real change. */
export const nothingToChange = (): DomainError =>
  new DomainError('validation_failed', 'The request changes nothing', {
    fields: [{ path: 'version', message: 'nothing to change', code: 'no_change' }],
  });
