import { isApiError } from '../../api/api-error';
import type { Messages } from '../../i18n/messages';
import { apiErrorMessage } from '../../api/api-error-message';
import { issuesOfApi, issueText, type Issue } from '../../records/form/form-errors';
import type { RecordsMessages } from '../../records/records-messages';
import type { SettingsMessages } from './settings-messages';

/**
 * The issues of a saved set (the shared schema's on the client, the API's `error.fields`), put on
 * the rows they name: `fields.2.key` on the third field's key, `stages.0.outcome` on the first
 * stage's outcome; the rest (`stages`: "exactly one won stage") said above the table. Rows are
 * named by their draft ids, taken in the order sent, so that errors stay on their row when the
 * admin then moves it.
 */
export type RowErrors = Record<string, string>;

export interface PlacedIssues {
  /** Per row id, per property path under the row (`key`, `options.1.value`, `` for the row itself). */
  rows: Record<string, RowErrors>;
  general: string[];
}

export const noIssues: PlacedIssues = { rows: {}, general: [] };

export function placeRowIssues(issues: readonly Issue[], list: 'fields' | 'stages', rowIds: readonly string[], text: (issue: Issue) => string): PlacedIssues {
  const placed: PlacedIssues = { rows: {}, general: [] };
  for (const issue of issues) {
    const [head, index, ...rest] = issue.path.split('.');
    const rowId = head === list && index !== undefined && /^\d+$/.test(index) ? rowIds[Number(index)] : undefined;
    if (rowId === undefined) {
      placed.general.push(text(issue));
      continue;
    }
    const row = (placed.rows[rowId] ??= {});
    row[rest.join('.')] ??= text(issue);
  }
  placed.general = [...new Set(placed.general)];
  return placed;
}

const lastName = (path: string): string => path.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? '';
const isFormat = (code: string): boolean => code === 'invalid_format' || code === 'invalid_string';

export function fieldIssueText(issue: Issue, m: SettingsMessages, rm: RecordsMessages): string {
  const e = m.fields.issues;
  const { code, message, path } = issue;
  const name = lastName(path);
  if (code === 'type_change') {
    const was = message.replace(/^was\s+/, '');
    return e.typeChange(m.fields.typeNames[was as keyof SettingsMessages['fields']['typeNames']] ?? was);
  }
  if (/keys must be unique/i.test(message)) return e.keyUnique;
  if (/option values must be unique/i.test(message)) return e.optionUnique;
  if (/needs options/i.test(message) || (name === 'options' && code === 'too_small')) return e.needsOptions;
  if (/only select fields/i.test(message)) return e.noOptions;
  if (name === 'key' && isFormat(code)) return e.key;
  if (name === 'value' && isFormat(code)) return e.optionValue;
  if (path === 'fields' && code === 'too_big') return e.tooManyFields;
  return issueText(issue, rm);
}

export function stageIssueText(issue: Issue, m: SettingsMessages, rm: RecordsMessages): string {
  const e = m.pipelines.issues;
  const { code, message, path } = issue;
  const name = lastName(path);
  if (/stage ids must be unique/i.test(message)) return e.stageIdUnique;
  if (/exactly one won/i.test(message)) return e.oneWon;
  if (/exactly one lost/i.test(message)) return e.oneLost;
  if (/start in an open stage/i.test(message)) return e.firstOpen;
  if (path === 'stages' && (code === 'too_small' || code === 'too_big')) return e.stageCount;
  if (name === 'id' && (isFormat(code) || code === 'invalid_type')) return e.stageId;
  if (name === 'normDays') return e.normDays;
  if (name === 'probability') return e.probability;
  return issueText(issue, rm);
}

/** A failed save: its field issues (400, 422 naming fields), a conflict (409), or a message. */
export type SaveFailure = { kind: 'issues'; issues: Issue[] } | { kind: 'conflict' } | { kind: 'message'; text: string };

export function saveFailure(error: unknown, t: Messages): SaveFailure {
  if (isApiError(error)) {
    if (error.isConflict || error.status === 409) return { kind: 'conflict' };
    if ((error.status === 400 || error.status === 422) && error.fields.length > 0) return { kind: 'issues', issues: issuesOfApi(error.fields) };
    if (error.status === 422) return { kind: 'message', text: error.message };
  }
  return { kind: 'message', text: apiErrorMessage(error, t) };
}
