import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { currencies } from '@shared/domain/common/values';
import type { Deal, DealLineInput } from '@shared/domain/deals/deal';
import type { Product } from '@shared/domain/products/product';
import { customInputsOf, customValuesOf, type CustomInputs } from '../../../records/custom/custom-form';
import type { FormErrors } from '../../../records/form/form-errors';
import { customPatchOf } from '../../../records/form/record-form';
import type { RecordsMessages } from '../../../records/records-messages';

export type Currency = (typeof currencies)[number];

/**
 * The deal form's values as typed (numbers as text, in either decimal mark), and what the API
 * takes from them: the create body, or the patch of only what changed since the version read.
 */
export interface PickedRecord {
  id: string;
  /** The name as the search found it; absent for a record loaded with the deal (read by id). */
  title?: string;
}

export interface LineDraft {
  /** A stable key for React; lines have no id of their own. */
  key: string;
  productId: string;
  productTitle?: string;
  quantity: string;
  /** The price typed or agreed; empty while the catalog price applies. */
  unitPrice: string;
  /** The currency of an agreed price (the catalog's otherwise). */
  currency?: Currency;
  discount: string;
}

export interface DealFormValues {
  title: string;
  account: PickedRecord | null;
  contacts: PickedRecord[];
  pipelineId: string;
  amount: string;
  currency: Currency;
  expectedCloseDate: string;
  needs: string;
  description: string;
  ownerId: string;
  lines: LineDraft[];
  custom: CustomInputs;
}

let keySeq = 0;
export const newLineKey = (): string => `line-${Date.now().toString(36)}-${(keySeq += 1)}`;

export const emptyLine = (): LineDraft => ({ key: newLineKey(), productId: '', quantity: '1', unitPrice: '', discount: '' });

const numberText = (n: number, decimalMark: string): string => String(n).replace('.', decimalMark);

/** "1 500,50" → 1500.5; blank → undefined; anything else → NaN (for the schema to refuse). */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (trimmed === '') return undefined;
  return /^-?\d*\.?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function emptyDealFormValues(currency: Currency, ownerId: string): DealFormValues {
  return {
    title: '',
    account: null,
    contacts: [],
    pipelineId: '',
    amount: '',
    currency,
    expectedCloseDate: '',
    needs: '',
    description: '',
    ownerId,
    lines: [],
    custom: {},
  };
}

export function dealFormValuesOf(deal: Deal, fields: readonly CustomField[], currency: Currency, decimalMark: ',' | '.'): DealFormValues {
  return {
    title: deal.title,
    account: deal.accountId ? { id: deal.accountId } : null,
    contacts: (deal.contactIds ?? []).map((id) => ({ id })),
    pipelineId: deal.pipelineId,
    amount: deal.amount ? numberText(deal.amount.amount, decimalMark) : '',
    currency: deal.amount?.currency ?? currency,
    expectedCloseDate: deal.expectedCloseDate ?? '',
    needs: deal.needs ?? '',
    description: deal.description ?? '',
    ownerId: deal.ownerId,
    lines: (deal.lines ?? []).map((line) => ({
      key: newLineKey(),
      productId: line.productId,
      productTitle: line.name,
      quantity: numberText(line.quantity, decimalMark),
      unitPrice: numberText(line.unitPrice.amount, decimalMark),
      currency: line.unitPrice.currency,
      discount: line.discountPercent ? numberText(line.discountPercent, decimalMark) : '',
    })),
    custom: customInputsOf(fields, deal.custom, decimalMark, currency),
  };
}

/** A line as the API takes it; a price typed in the line is sent as the agreed price. */
export function lineInputOf(line: LineDraft, product: Product | undefined): DealLineInput {
  const quantity = parseNumber(line.quantity);
  const discount = parseNumber(line.discount);
  const price = parseNumber(line.unitPrice);
  const currency = line.currency ?? product?.price.currency ?? 'RUB';
  return {
    productId: line.productId,
    quantity: quantity ?? Number.NaN,
    ...(discount !== undefined && discount !== 0 ? { discountPercent: discount } : {}),
    ...(price !== undefined && !(product && !line.currency && price === product.price.amount) ? { unitPrice: { amount: price, currency } } : {}),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What a line comes to, as the API will price it: quantity × price less the discount. */
export function lineTotal(line: LineDraft, product: Product | undefined): { amount: number; currency: Currency } | undefined {
  const quantity = parseNumber(line.quantity);
  const price = parseNumber(line.unitPrice) ?? product?.price.amount;
  const discount = parseNumber(line.discount) ?? 0;
  const currency = line.currency ?? product?.price.currency;
  if (quantity === undefined || price === undefined || !currency || [quantity, price, discount].some(Number.isNaN)) return undefined;
  return { amount: round2(quantity * price * (1 - discount / 100)), currency };
}

export function linesTotal(lines: readonly LineDraft[], productOf: (id: string) => Product | undefined): { amount: number; currency: Currency } | undefined {
  let sum = 0;
  let currency: Currency | undefined;
  for (const line of lines) {
    const total = lineTotal(line, productOf(line.productId));
    if (!total) return undefined;
    if (currency && total.currency !== currency) return undefined;
    currency = total.currency;
    sum += total.amount;
  }
  return currency ? { amount: round2(sum), currency } : undefined;
}

const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

function amountOf(values: DealFormValues): { amount: number; currency: Currency } | undefined {
  const amount = parseNumber(values.amount);
  return amount === undefined ? undefined : { amount, currency: values.currency };
}

/**
 * The create body, and the problems found before asking the API (see `customValuesOf`): a custom
 * number that is not one, a required custom field left empty.
 */
export function createBodyOf(
  values: DealFormValues,
  productOf: (id: string) => Product | undefined,
  fields: readonly CustomField[],
  m: RecordsMessages,
): { body: Record<string, unknown>; errors: FormErrors } {
  const custom = customValuesOf(fields, values.custom, m, true);
  const lines = values.lines.map((line) => lineInputOf(line, productOf(line.productId)));
  const amount = lines.length === 0 ? amountOf(values) : undefined;
  const body = {
    title: values.title.trim(),
    ...(values.account ? { accountId: values.account.id } : {}),
    ...(values.contacts.length ? { contactIds: values.contacts.map((c) => c.id) } : {}),
    ...(values.pipelineId ? { pipelineId: values.pipelineId } : {}),
    ...(text(values.expectedCloseDate) ? { expectedCloseDate: values.expectedCloseDate } : {}),
    ...(amount ? { amount } : {}),
    ...(lines.length ? { lines } : {}),
    ...(text(values.needs) ? { needs: text(values.needs) } : {}),
    ...(text(values.description) ? { description: text(values.description) } : {}),
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    ...(custom.values ? { custom: custom.values } : {}),
  };
  return { body, errors: custom.errors };
}

/** The lines of a deal as inputs, to tell whether the form changed them. */
const storedLineInputs = (deal: Deal): DealLineInput[] =>
  (deal.lines ?? []).map((line) => ({
    productId: line.productId,
    quantity: line.quantity,
    ...(line.discountPercent ? { discountPercent: line.discountPercent } : {}),
    unitPrice: line.unitPrice,
  }));

/**
 * Only what changed, with the version read; a cleared field is sent as `null`, custom values by
 * key (only the type's fields count). Lines are sent only when changed: the API prices them
 * again, and would refuse a line whose product has since become unavailable even if the user did
 * not touch it. `errors`: a custom number that is not one (its value is left out of the patch).
 */
export function updatePatchOf(
  values: DealFormValues,
  deal: Deal,
  productOf: (id: string) => Product | undefined,
  fields: readonly CustomField[],
  m: RecordsMessages,
): { patch: Record<string, unknown>; errors: FormErrors } {
  const patch: Record<string, unknown> = { version: deal.version };
  const set = (field: string, before: unknown, after: unknown) => {
    if (after === undefined) {
      if (before !== undefined && before !== null && before !== '' && !(Array.isArray(before) && before.length === 0)) patch[field] = null;
    } else if (JSON.stringify(after) !== JSON.stringify(before)) {
      patch[field] = after;
    }
  };
  set('title', deal.title, values.title.trim() || '');
  set('accountId', deal.accountId, values.account?.id);
  set('contactIds', deal.contactIds, values.contacts.length ? values.contacts.map((c) => c.id) : undefined);
  set('expectedCloseDate', deal.expectedCloseDate, text(values.expectedCloseDate) ? values.expectedCloseDate : undefined);
  set('needs', deal.needs, text(values.needs));
  set('description', deal.description, text(values.description));
  if (values.ownerId && values.ownerId !== deal.ownerId) patch.ownerId = values.ownerId;

  const lines = values.lines.map((line) => lineInputOf(line, productOf(line.productId)));
  const linesChanged = JSON.stringify(lines) !== JSON.stringify(storedLineInputs(deal));
  if (linesChanged) patch.lines = lines.length ? lines : null;
  if (lines.length === 0) {
    const amount = amountOf(values);
    const hadLines = (deal.lines?.length ?? 0) > 0;
    if (amount && (hadLines || JSON.stringify(amount) !== JSON.stringify(deal.amount))) patch.amount = amount;
    else if (!amount && deal.amount && !hadLines) patch.amount = null;
  }

  const custom = customValuesOf(fields, values.custom, m, false);
  const stored: Record<string, unknown> = {};
  for (const field of fields) {
    const value = deal.custom?.[field.key];
    if (value !== undefined && value !== null) stored[field.key] = value;
  }
  const customPatch = customPatchOf(custom.values, stored);
  if (customPatch) patch.custom = customPatch;
  return { patch, errors: custom.errors };
}
