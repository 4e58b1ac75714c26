import { useMemo } from 'react';
import { productStatuses, type Product } from '@shared/domain/products/product';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../ui/AppLink';
import type { RecordColumn } from '../../records/list/columns';
import type { RecordsSearch } from '../../records/list/records-search';
import { RecordListPage } from '../../records/list/RecordListPage';
import { Availability, ProductStatusBadge, vatText } from './ProductBadges';
import { productPath } from './product-paths';
import { useProductsMessages } from './products-messages';
import '../../styles/deals-products.css';

/** The catalog: name, SKU, kind, price, currency, unit, availability; filtered by status (on sale, archived). */
export function ProductsPage({ search }: { search: RecordsSearch }) {
  const { format } = useI18n();
  const pm = useProductsMessages();
  const statuses = useMemo(() => productStatuses.map((status) => ({ value: status, label: pm.statuses[status] })), [pm]);
  const columns = useMemo<RecordColumn<Product>[]>(
    () => [
      {
        id: 'name',
        label: pm.fields.name,
        sort: 'name',
        required: true,
        className: 'cell-name',
        cell: (product) => <AppLink href={productPath(product.id)}>{product.name}</AppLink>,
      },
      { id: 'sku', label: pm.fields.sku, className: 'cell-nowrap', cell: (product) => product.sku },
      { id: 'kind', label: pm.fields.kind, cell: (product) => pm.kinds[product.kind] },
      { id: 'category', label: pm.fields.category, defaultVisible: false, cell: (product) => product.category ?? <span className="muted">—</span> },
      {
        id: 'price',
        label: pm.fields.price,
        className: 'cell-nowrap cell-number',
        cell: (product) => format.number(product.price.amount),
      },
      { id: 'currency', label: pm.fields.currency, cell: (product) => product.price.currency },
      { id: 'unit', label: pm.fields.unit, cell: (product) => product.unit },
      { id: 'vatRate', label: pm.fields.vatRate, defaultVisible: false, cell: (product) => vatText(product.vatRate, pm) },
      { id: 'available', label: pm.fields.available, cell: (product) => <Availability product={product} /> },
      { id: 'status', label: pm.fields.status, defaultVisible: false, cell: (product) => <ProductStatusBadge product={product} /> },
      { id: 'createdAt', label: pm.fields.created, sort: 'createdAt', defaultVisible: false, className: 'cell-nowrap', cell: (product) => format.shortDate(product.createdAt) },
    ],
    [pm, format],
  );

  return (
    <RecordListPage<Product>
      listId="products"
      resource="products"
      recordType="product"
      basePath="/products"
      search={search}
      title={pm.title}
      caption={pm.caption}
      newHref="/products/new"
      newLabel={pm.newProduct}
      statuses={statuses}
      columns={columns}
      rowHref={(product) => productPath(product.id)}
      emptyHint={pm.emptyHint}
      testId="products-page"
    />
  );
}
