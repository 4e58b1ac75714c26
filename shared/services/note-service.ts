import type { TimelineEntry } from '../api/contracts';
import { commitChange } from '../data/change-set';
import { recordKeys } from '../data/keys';
import type { Actor } from '../domain/common/actor';
import { entry, event } from '../domain/common/change';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { keyPrefixOf, type RecordLink } from '../domain/records/record-type';
import { assertSeesRecord } from './visibility-service';

/**
 * Notes (REC-8): free text on a record's timeline, part of its collective memory. A note does not
 * change the record (no new version), so nobody's edit of the record conflicts with it.
 */
export async function addNoteAs(actor: Actor, link: RecordLink, text: string, clock: Clock = systemClock): Promise<TimelineEntry> {
  await assertSeesRecord(actor, link, 'update');
  const now = clock.now();
  const ctx = { actor, now, newId: () => newId(now) };
  const note = entry(ctx, 'note', { note: text });
  await commitChange({
    puts: [],
    history: [{ recordPk: recordKeys(keyPrefixOf(link.type)).item(link.id).pk, entry: note }],
    events: [event(ctx, 'NoteAdded', { record: link, actorId: actor.id })],
  });
  return note;
}
