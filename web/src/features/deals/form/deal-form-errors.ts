import { issueText, type FormErrors, type Issue } from '../../../records/form/form-errors';
import type { RecordsMessages } from '../../../records/records-messages';
import type { DealsMessages } from '../deals-messages';
import { unavailableText } from './LinesEditor';

/**
 * The deal form's issues (the shared schema's, the API's 400/422 `fields`) on its fields: an
 * order line's problems on the line (`lines.<i>`), the amount's parts on the amount, custom
 * fields as `custom.<key>`; the stage rules and the catalog's refusals in the user's words.
 */
const direct = new Set(['title', 'accountId', 'contactIds', 'pipelineId', 'expectedCloseDate', 'needs', 'description', 'ownerId', 'lines', 'amount', 'currency']);

function keyOf(path: string, known: (key: string) => boolean): string | undefined {
  if (path === 'amount.currency') return 'currency';
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (known(candidate)) return candidate;
  }
  return undefined;
}

export function dealIssueText(issue: Issue, m: RecordsMessages, dm: DealsMessages): string {
  if (issue.code === 'required_for_stage') return dm.form.requiredForStage;
  if (issue.code === 'derived') return dm.form.derivedAmount;
  if (issue.code === 'mixed_currency') return dm.lines.mixedCurrency;
  const unavailable = unavailableText(issue.code, dm);
  if (unavailable) return unavailable;
  if (/^lines\.\d+\.productId$/.test(issue.path)) return issue.code === 'not_found' ? dm.lines.notFound : dm.lines.chooseProduct;
  if (/^lines\.\d+\.(quantity|discountPercent)$/.test(issue.path) || /^lines\.\d+\.unitPrice/.test(issue.path)) {
    return issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type' ? m.form.errors.invalidNumber : issueText(issue, m);
  }
  if (issue.path === 'amount.amount' || issue.path === 'amount') return issue.code === 'required_for_stage' ? dm.form.requiredForStage : m.form.errors.invalidNumber;
  return issueText(issue, m);
}

/** Field errors (the first issue of each field wins) and the issues no field shows. */
export function placeDealIssues(issues: readonly Issue[], m: RecordsMessages, dm: DealsMessages, customKeys: readonly string[] = []): { fields: FormErrors; other: string[] } {
  const known = (key: string) => direct.has(key) || /^lines\.\d+$/.test(key) || (key.startsWith('custom.') && customKeys.includes(key.slice('custom.'.length)));
  const fields: FormErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const text = dealIssueText(issue, m, dm);
    const key = keyOf(issue.path, known);
    if (key) fields[key] ??= text;
    else other.push(issue.path && issue.path !== 'body' ? `${m.fields[issue.path.split('.')[0] ?? ''] ?? issue.path}: ${text}` : text);
  }
  return { fields, other };
}
