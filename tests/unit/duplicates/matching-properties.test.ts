import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactKind, type Contact } from '../../../shared/domain/contacts/contact';
import { hasStrongKey, matchKeys, matchOf } from '../../../shared/domain/duplicates/match-keys';
import { roleMailboxes } from '../../../shared/domain/duplicates/role-mailboxes';
import { decideRow, type Candidate } from '../../../shared/domain/imports/import-decision';
import type { DuplicatePolicy } from '../../../shared/domain/imports/import-job';

/**
 * Properties of matching (REC-11, REC-12), over generated people: what an import does with a row
 * given a stored record, decided as the dry run and the run both decide (decideRow).
 */
const lastNames = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов'];
const firstNames = ['Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Иван'];
const middleNames = ['Александрович', 'Сергеевич', 'Иванович', undefined];
const domains = ['romashka.example', 'vector.example', 'mail.example'];

const personName = fc.record({ lastName: fc.constantFrom(...lastNames), firstName: fc.constantFrom(...firstNames), middleName: fc.constantFrom(...middleNames) });
/** A Russian mobile (9xx) as digits after +7. */
const mobileDigits = fc.integer({ min: 900_000_0000, max: 999_999_9999 }).map(String);
/** A Moscow or St Petersburg office line. */
const officeDigits = fc.tuple(fc.constantFrom('495', '499', '812'), fc.integer({ min: 200_0000, max: 999_9999 })).map(([code, n]) => `${code}${n}`);
const personalEmail = fc.tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.constantFrom(...domains)).filter(([local]) => !roleMailboxes.has(local)).map(([local, domain]) => `${local}@${domain}`);
const roleEmail = fc.tuple(fc.constantFrom(...roleMailboxes), fc.constantFrom(...domains)).map(([box, domain]) => `${box}@${domain}`);
const policy = fc.constantFrom<DuplicatePolicy>('skip', 'update', 'create');

/** The ways people write one Russian number. */
const writings = (d: string): string[] => [
  `+7${d}`,
  `8${d}`,
  `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
  `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
  `+7 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`,
  `8-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  `${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
];

interface Person {
  lastName: string;
  firstName: string;
  middleName?: string | undefined;
  emails?: string[];
  phones?: { kind: string; number: string }[];
}

const asContact = (p: Person) =>
  ({
    id: 'C1',
    ownerId: 'rep',
    lastName: p.lastName,
    firstName: p.firstName,
    ...(p.middleName ? { middleName: p.middleName } : {}),
    ...(p.emails ? { emails: p.emails.map((address) => ({ kind: 'work', address })) } : {}),
    ...(p.phones ? { phones: p.phones } : {}),
  }) as unknown as Contact;

/** The stored record as a candidate for a row, with the keys they share, as the runner builds it. */
function candidateFor(stored: Person, row: Person): Candidate | undefined {
  const storedKeys = matchKeys(contactKind.match!(asContact(stored)));
  const rowKeys = new Set(matchKeys(contactKind.match!(asContact(row))));
  const shared = storedKeys.filter((k) => rowKeys.has(k));
  if (!shared.length) return undefined;
  return { id: 'C1', ownerId: 'rep', workable: true, strongKeys: hasStrongKey(storedKeys), snapshot: asContact(stored) as unknown as Record<string, unknown>, ...matchOf(shared) };
}

function decide(stored: Person, row: Person, duplicatePolicy: DuplicatePolicy) {
  const rowKeys = matchKeys(contactKind.match!(asContact(row)));
  const candidate = candidateFor(stored, row);
  return decideRow({ duplicatePolicy }, 2, asContact(row) as unknown as Record<string, unknown>, hasStrongKey(rowKeys), candidate ? [candidate] : []);
}

describe('matching properties (fast-check)', () => {
  it('namesakes with different strong identifiers are never skipped, updated or merged into one', () => {
    fc.assert(
      fc.property(personName, fc.uniqueArray(personalEmail, { minLength: 2, maxLength: 2 }), fc.uniqueArray(mobileDigits, { minLength: 2, maxLength: 2 }), fc.boolean(), officeDigits, policy, (name, [a, b], [m1, m2], sameOffice, office, duplicatePolicy) => {
        const phones = (mobile: string) => [{ kind: 'mobile', number: `+7${mobile}` }, ...(sameOffice ? [{ kind: 'work', number: `+7${office}` }] : [])];
        const { row } = decide({ ...name, emails: [a!], phones: phones(m1!) }, { ...name, emails: [b!], phones: phones(m2!) }, duplicatePolicy);
        expect(row.outcome).toBe('created');
        expect(row.action).toBeUndefined();
        // Shown for review, as a weak match that does not act.
        expect(row.matches).toEqual([expect.objectContaining({ strength: 'weak', acts: false })]);
      }),
    );
  });

  it('the same person with a reformatted phone is always matched, and the policy applies', () => {
    fc.assert(
      fc.property(personName, mobileDigits, fc.nat(), fc.nat(), policy, (name, mobile, i, j, duplicatePolicy) => {
        const ways = writings(mobile);
        const stored = { ...name, phones: [{ kind: 'mobile', number: ways[i % ways.length]! }] };
        const row = { ...name, phones: [{ kind: 'mobile', number: ways[j % ways.length]! }] };
        const decision = decide(stored, row, duplicatePolicy);
        expect(decision.row.matches).toEqual([expect.objectContaining({ reasons: ['phone', 'name'], strength: 'strong', acts: true })]);
        expect(decision.row.action).toBe(duplicatePolicy);
        // A phone however written is one number: an update brings nothing new.
        expect(decision.row.outcome).toBe(duplicatePolicy === 'create' ? 'created' : 'skipped');
      }),
    );
  });

  it('a shared office line or role mailbox merges no one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(personName, { minLength: 2, maxLength: 2, selector: (n) => `${n.lastName} ${n.firstName} ${n.middleName}` }),
        officeDigits,
        fc.option(roleEmail, { nil: undefined }),
        fc.option(fc.uniqueArray(mobileDigits, { minLength: 2, maxLength: 2 }), { nil: undefined }),
        policy,
        ([first, second], office, mailbox, mobiles, duplicatePolicy) => {
          const person = (name: Person, n: number): Person => ({
            ...name,
            ...(mailbox ? { emails: [mailbox] } : {}),
            phones: [{ kind: 'work', number: `8${office}` }, ...(mobiles ? [{ kind: 'mobile', number: `+7${mobiles[n]}` }] : [])],
          });
          const { row } = decide(person(first!, 0), person(second!, 1), duplicatePolicy);
          expect(row.outcome).toBe('created');
          expect(row.action).toBeUndefined();
          expect(row.matches?.every((m) => !m.acts && m.strength === 'weak')).toBe(true);
        },
      ),
    );
  });
});
