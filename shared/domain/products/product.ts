import * as z from 'zod';
import { moneySchema, trimmed } from '../common/values';
import { changesSomething, nothingToChangeIssue, updateShape } from '../records/record-values';
import type { RecordBase, RecordKind } from '../records/record-type';

/**
 * The catalog (REC-6): products and services a deal's order lines are priced from. What is not
 * available cannot be offered: an archived item, a product out of stock, a service without capacity.
 */
export const productStatuses = ['active', 'archived'] as const;
export const productKinds = ['product', 'service'] as const;
/** VAT rates in use: Russia 0/10/20 %, Kazakhstan 12 %; `null` is "without VAT" (УСН). */
export const vatRates = [0, 10, 12, 20] as const;

const productFields = {
  sku: z.string().trim().regex(/^[A-Za-z0-9А-Яа-яЁё._/-]{1,40}$/, 'an article number: letters, digits, . _ / -'),
  name: trimmed(200),
  kind: z.enum(productKinds),
  category: trimmed(100).optional(),
  unit: trimmed(20),
  price: moneySchema,
  vatRate: z.union(vatRates.map((r) => z.literal(r)) as [z.ZodLiteral<0>, z.ZodLiteral<10>, z.ZodLiteral<12>, z.ZodLiteral<20>]).nullable(),
  description: trimmed(5000).optional(),
  /** Products: units in stock. Services: how many can still be sold (capacity); absent = unlimited. */
  available: z.number().int().nonnegative().max(1e9).optional(),
  status: z.enum(productStatuses).optional(),
  ownerId: z.string().min(1).max(128).optional(),
};

export const createProductSchema = z.strictObject(productFields);
export type CreateProductInput = z.infer<typeof createProductSchema>;

export const updateProductSchema = z
  .strictObject(updateShape(productFields, ['sku', 'name', 'kind', 'unit', 'price', 'vatRate', 'ownerId']))
  .refine(changesSomething, nothingToChangeIssue);
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

export type Product = RecordBase & Omit<CreateProductInput, 'ownerId' | 'status'> & { status: (typeof productStatuses)[number] };

/** Why a product cannot be offered in the quantity asked, or undefined when it can. */
export function unavailability(product: Product, quantity: number): string | undefined {
  if (product.status !== 'active') return 'archived';
  if (product.available !== undefined && product.available < quantity) return product.kind === 'service' ? 'no_capacity' : 'out_of_stock';
  return undefined;
}

export const productKind: RecordKind<Product> = {
  type: 'product',
  label: 'Product',
  tracked: ['sku', 'name', 'kind', 'category', 'unit', 'price', 'vatRate', 'description', 'available', 'status', 'ownerId'],
  status: (product) => product.status,
  search: (product) => ({
    title: product.name,
    subtitle: [product.sku, product.category].filter(Boolean).join(' · '),
    terms: { names: [product.name, product.sku, product.category] },
  }),
};
