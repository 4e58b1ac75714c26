import { useCallback } from 'react';
import type { Product } from '@shared/domain/products/product';
import { useI18n } from '../../i18n/use-i18n';
import { useProductsMessages } from './products-messages';

/** Whether an item can be offered, and how much of it: in words, the number when there is one. */
export function Availability({ product }: { product: Product }) {
  const { format } = useI18n();
  const pm = useProductsMessages();
  if (product.status !== 'active') return <span className="muted">{pm.availability.archived}</span>;
  if (product.available === undefined) return <span>{pm.availability.unlimited}</span>;
  if (product.available === 0) return <span className="product-availability-out">{product.kind === 'service' ? pm.availability.noCapacity : pm.availability.none}</span>;
  const n = format.number(product.available);
  return <span>{product.kind === 'service' ? pm.availability.capacity(n) : pm.availability.inStock(n)}</span>;
}

export function ProductStatusBadge({ product }: { product: Product }) {
  const pm = useProductsMessages();
  return <span className={`badge badge-product-${product.status}`}>{pm.statuses[product.status]}</span>;
}

/** `null` is "without VAT"; a rate cleared by an update reads back absent, which means the same. */
export function vatText(rate: number | null | undefined, pm: ReturnType<typeof useProductsMessages>): string {
  return rate === null || rate === undefined ? pm.vat.none : pm.vat.rate(rate);
}

/** A catalog item's kinds, statuses and VAT rates in words, for its history. */
export function useProductValueWords(): (field: string, value: unknown) => string | undefined {
  const pm = useProductsMessages();
  return useCallback(
    (field: string, value: unknown) => {
      if (field === 'kind' && (value === 'product' || value === 'service')) return pm.kinds[value];
      if (field === 'status' && (value === 'active' || value === 'archived')) return pm.statuses[value];
      if (field === 'vatRate' && (value === null || typeof value === 'number')) return vatText(value, pm);
      return undefined;
    },
    [pm],
  );
}
