import type { Page } from '../api/contracts';
import { dismissPair, dropPairs, listPairs, syncPairs } from '../data/duplicate-pairs';
import { deriveRecord } from '../data/derived-index';
import { findMatches } from '../data/match-index';
import { getRecord, getRecords } from '../data/records-repository';
import { sees } from '../auth/visibility';
import { assertSeesRecord, subjectOfType, visibilityFor } from './visibility-service';
import type { Actor } from '../domain/common/actor';
import { systemClock, type Clock } from '../domain/common/clock';
import { notFound } from '../domain/common/errors';
import { matchKeys, type MatchEvidence, type MatchReason, type MatchStrength } from '../domain/duplicates/match-keys';
import { kinds } from '../domain/records/kinds';
import type { RecordBase, RecordType } from '../domain/records/record-type';

/**
 * The duplicates view per type (REC-12). The detector runs on every create, update and merge of
 * an account or contact and keeps the type's pairs in step; the view lists them with both records.
 */
export async function detectDuplicatesOf(type: RecordType, id: string, clock: Clock = systemClock): Promise<{ added: number; removed: number }> {
  const kind = kinds[type];
  const record = await getRecord(kind, id);
  if (!record || !kind.match || kind.mergeable?.(record) === false) return { added: 0, removed: await dropPairs(type, id) };
  // Its match keys written before others' are looked up (idempotent: the stream's pass finds it
  // done), so of two records created at once, the second detector to look sees the first.
  await deriveRecord(kind, record);
  let matches = await findMatches(type, matchKeys(kind.match(record)), id);
  if (kind.mergeable) {
    const others = await getRecords(kind, matches.slice(0, 100).map((m) => m.id));
    matches = matches.filter((m) => others.has(m.id) && kind.mergeable!(others.get(m.id)!));
  }
  return syncPairs(type, id, matches, clock.now().toISOString());
}

export interface DuplicatePairView {
  records: [RecordBase, RecordBase];
  reasons: MatchReason[];
  strength?: MatchStrength;
  evidence?: MatchEvidence[];
  detectedAt: string;
}

/** The type's pairs whose both records the actor sees. */
export async function duplicatesOfType(actor: Actor, type: RecordType, page: { limit: number; cursor?: string }): Promise<Page<DuplicatePairView>> {
  const visibility = await visibilityFor(actor, subjectOfType[type], 'read');
  const pairs = await listPairs(type, page);
  const records = await getRecords(kinds[type], [...new Set(pairs.items.flatMap((p) => p.ids))]);
  return {
    items: pairs.items.flatMap((pair) => {
      const [a, b] = pair.ids.map((id) => records.get(id));
      return a && b && sees(visibility, a.ownerId) && sees(visibility, b.ownerId) ? [{ records: [a, b] as [RecordBase, RecordBase], reasons: pair.reasons, strength: pair.strength, evidence: pair.evidence, detectedAt: pair.detectedAt }] : [];
    }),
    ...(pairs.nextCursor ? { nextCursor: pairs.nextCursor } : {}),
  };
}

/** "These two are different people": the pair leaves the view for good. */
export async function dismissDuplicatesAs(actor: Actor, type: RecordType, ids: readonly [string, string], clock: Clock = systemClock): Promise<void> {
  for (const id of ids) await assertSeesRecord(actor, { type, id }, 'merge');
  if (!(await dismissPair(type, ids[0], ids[1], actor.id, clock.now().toISOString()))) throw notFound('Duplicate pair');
}
