import { describe, expect, it } from 'vitest';
import { caseKinds, caseStatuses } from '../../../shared/domain/cases/case';
import type { PortalCase, PortalCaseComment } from '../../../shared/domain/portal/portal-case';
import { ApiRequestError } from '../../../web/src/api/api-error';
import {
  apiIssues,
  canRate,
  canReply,
  casesOfPages,
  checkNewCase,
  checkRating,
  checkReply,
  conflictCode,
  emptyNewCase,
  named,
  needsClient,
  newCaseFields,
  portalCaseUrl,
  portalKeys,
  stars,
  withComment,
} from '../../../web/src/features/portal/portal-cases';
import { portalMessages } from '../../../web/src/features/portal/portal-messages';

/** The portal's cases without a browser (ACC-3, SRV-5): what a status allows, the forms' checks, the cache updates. */
const ru = portalMessages.ru;
const en = portalMessages.en;

const aCase = (over: Partial<PortalCase> = {}): PortalCase => ({
  id: '01HZZZZZZZZZZZZZZZZZZZZZZ1',
  subject: 'Нет закрывающих документов',
  description: 'За март',
  kind: 'question',
  priority: 'normal',
  status: 'new',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  responsible: { name: 'Анна Петрова' },
  comments: [],
  ...over,
});
const comment = (id: string, at: string, from: PortalCaseComment['from'] = 'staff'): PortalCaseComment => ({ id, at, text: `text ${id}`, authorName: 'Анна', from });

describe('portal case wording', () => {
  it('says every status in the client’s words, in Russian and English', () => {
    expect(caseStatuses.map((s) => ru.statuses[s])).toEqual(['Новое', 'В работе', 'Ждёт вашего ответа', 'Решено', 'Закрыто']);
    for (const status of caseStatuses) {
      expect(en.statuses[status]).toBeTruthy();
      expect(ru.statusHints[status]).toBeTruthy();
      expect(en.statusHints[status]).toBeTruthy();
    }
    expect(caseKinds.map((k) => ru.caseKinds[k])).toEqual(['Вопрос', 'Заявка', 'Проблема']);
  });

  it('draws a score as five stars and words every score', () => {
    expect(stars(4)).toBe('★★★★☆');
    expect(stars(5)).toBe('★★★★★');
    expect(stars(9)).toBe('★★★★★');
    expect(stars(0)).toBe('☆☆☆☆☆');
    for (const n of [1, 2, 3, 4, 5]) expect(ru.rating.scores[n] && en.rating.scores[n]).toBeTruthy();
    expect(ru.rating.outOf(4)).toBe('4 из 5');
  });

  it('names a person only by a name (not the dash of someone unnamed)', () => {
    expect(named('Анна Петрова')).toBe(true);
    expect(named('—')).toBe(false);
    expect(named(' ')).toBe(false);
  });
});

describe('what a status lets the client do', () => {
  it('replies until the case is closed', () => {
    expect(caseStatuses.filter(canReply)).toEqual(['new', 'in-progress', 'waiting', 'resolved']);
  });

  it('rates once, a resolved or closed case', () => {
    expect(caseStatuses.filter((status) => canRate({ status }))).toEqual(['resolved', 'closed']);
    expect(canRate({ status: 'resolved', rating: { score: 5, at: '2026-03-02T00:00:00.000Z' } })).toBe(false);
  });

  it('marks only a case awaiting the client', () => {
    expect(caseStatuses.filter(needsClient)).toEqual(['waiting']);
  });
});

describe('the new-case form', () => {
  it('sends the trimmed subject, description and kind', () => {
    expect(checkNewCase({ subject: '  Счёт  ', description: ' Нужен счёт на апрель ', kind: 'request' }, ru.issues)).toEqual({
      ok: true,
      body: { subject: 'Счёт', description: 'Нужен счёт на апрель', kind: 'request' },
    });
  });

  it('asks for the subject and the description, on their fields', () => {
    const checked = checkNewCase({ ...emptyNewCase, subject: '   ' }, ru.issues);
    expect(checked).toEqual({ ok: false, problems: { fields: { subject: ru.issues.required, description: ru.issues.required }, other: [] } });
  });

  it('says how long a subject may be', () => {
    const checked = checkNewCase({ ...emptyNewCase, subject: 'x'.repeat(201), description: 'ok' }, en.issues);
    expect(checked.ok ? undefined : checked.problems.fields).toEqual({ subject: 'At most 200 characters.' });
  });

  it('puts the API’s 400 on the fields it names, the rest above the form', () => {
    const error = new ApiRequestError(400, 'validation_failed', 'bad', [
      { path: 'description', code: 'too_small', message: 'Too small' },
      { path: 'ownerId', code: 'unrecognized_keys', message: 'Unrecognized key' },
    ]);
    expect(apiIssues(error, newCaseFields, ru.issues)).toEqual({ fields: { description: ru.issues.required }, other: [ru.issues.invalid] });
    expect(apiIssues(new ApiRequestError(500, 'internal', 'boom'), newCaseFields, ru.issues)).toBeUndefined();
  });
});

describe('the reply and the rating', () => {
  it('takes a reply that is not blank and not longer than 5000 characters', () => {
    expect(checkReply('  Спасибо  ', ru.issues)).toEqual({ ok: true, body: { text: 'Спасибо' } });
    expect(checkReply(' ', ru.issues)).toEqual({ ok: false, problems: { fields: { text: ru.issues.required }, other: [] } });
    expect(checkReply('x'.repeat(5001), ru.issues)).toEqual({ ok: false, problems: { fields: { text: ru.issues.tooLong(5000) }, other: [] } });
  });

  it('asks for a score, and leaves an empty comment out', () => {
    expect(checkRating(undefined, '', ru)).toEqual({ ok: false, problems: { fields: { score: ru.rating.chooseScore }, other: [] } });
    expect(checkRating(5, '   ', ru)).toEqual({ ok: true, body: { score: 5 } });
    expect(checkRating(4, ' Быстро ', ru)).toEqual({ ok: true, body: { score: 4, comment: 'Быстро' } });
    const long = checkRating(3, 'x'.repeat(1001), en);
    expect(long.ok ? undefined : long.problems.fields).toEqual({ comment: 'At most 1000 characters.' });
  });

  it('reads the reason of a 409 (closed, already rated, not resolved)', () => {
    const closed = new ApiRequestError(409, 'conflict', 'closed', [{ path: 'status', code: 'case_closed', message: 'The case is closed' }]);
    expect(conflictCode(closed)).toBe('case_closed');
    expect(conflictCode(new ApiRequestError(404, 'not_found', 'no'))).toBeUndefined();
    expect(conflictCode(new Error('x'))).toBeUndefined();
  });
});

describe('the cache', () => {
  it('adds the reply sent to the conversation once, oldest first', () => {
    const c = aCase({ comments: [comment('b', '2026-03-01T12:00:00.000Z'), comment('c', '2026-03-01T14:00:00.000Z')] });
    const added = withComment(c, comment('d', '2026-03-01T13:00:00.000Z', 'client'));
    expect(added.comments.map((x) => x.id)).toEqual(['b', 'd', 'c']);
    expect(withComment(added, comment('d', '2026-03-01T13:00:00.000Z', 'client'))).toBe(added);
    expect(c.comments).toHaveLength(2);
  });

  it('lists the pages loaded as one list, each case once', () => {
    const [a, b, c] = [aCase({ id: 'a' }), aCase({ id: 'b' }), aCase({ id: 'c' })];
    expect(casesOfPages([{ items: [a, b] }, { items: [b, c] }]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(casesOfPages([])).toEqual([]);
  });

  it('keys every case query under the portal’s cases, and addresses a case by its id', () => {
    expect(portalKeys.caseList.slice(0, 2)).toEqual(portalKeys.cases);
    expect(portalKeys.case('x').slice(0, 2)).toEqual(portalKeys.cases);
    expect(portalKeys.deals[0]).toBe(portalKeys.all[0]);
    expect(portalCaseUrl('a/b')).toBe('/api/portal/cases/a%2Fb');
  });
});
