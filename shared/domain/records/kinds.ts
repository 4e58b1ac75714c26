import { accountKind } from '../accounts/account';
import { activityKind } from '../activities/activity';
import { caseKind } from '../cases/case';
import { contactKind } from '../contacts/contact';
import { dealKind } from '../deals/deal';
import { leadKind } from '../leads/lead';
import { productKind } from '../products/product';
import type { RecordBase, RecordKind, RecordType } from './record-type';

/** Every record type's kind, for code that handles records of any type (links, notes, merges). */
export const kinds: { [K in RecordType]: RecordKind<RecordBase> } = {
  lead: leadKind as unknown as RecordKind<RecordBase>,
  account: accountKind as unknown as RecordKind<RecordBase>,
  contact: contactKind as unknown as RecordKind<RecordBase>,
  deal: dealKind as unknown as RecordKind<RecordBase>,
  product: productKind as unknown as RecordKind<RecordBase>,
  activity: activityKind as unknown as RecordKind<RecordBase>,
  case: caseKind as unknown as RecordKind<RecordBase>,
};
