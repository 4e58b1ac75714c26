import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../ui/AppLink';
import { DetailSection } from '../../ui/DetailSection';
import { useUserName } from '../../api/use-users';
import { useRecordsMessages } from '../../records/records-messages';
import { RecordTimeline } from '../../records/timeline/RecordTimeline';
import { useProduct } from './product-api';
import { productPath } from './product-paths';
import { Availability, ProductStatusBadge, useProductValueWords, vatText } from './ProductBadges';
import { useProductsMessages } from './products-messages';
import { BackLink, RecordLoadState } from '../../records/page/RecordLoadState';
import '../../styles/records.css';
import '../../styles/deals-products.css';

/** A catalog item: what it is, its price and VAT, whether it can be offered, and its history. */
export function ProductPage({ productId }: { productId: string }) {
  const { format } = useI18n();
  const m = useRecordsMessages();
  const pm = useProductsMessages();
  const userName = useUserName();
  const { data: product, isPending, error, refetch } = useProduct(productId);
  const describeValue = useProductValueWords();
  useDocumentTitle(product ? product.name : pm.title);

  const back = <BackLink href="/products" label={pm.backToList} />;
  if (isPending || !product) return <RecordLoadState pending={isPending} error={error} retry={() => void refetch()} loading={pm.loading} notFound={pm.notFound} back={back} />;

  return (
    <article className="page page-wide product-page" aria-labelledby="product-title" data-testid="product-page">
      {back}
      <header className="lead-header">
        <div className="lead-heading">
          <h1 id="product-title" data-testid="product-title">
            {product.name}
          </h1>
          <div className="lead-meta">
            <ProductStatusBadge product={product} />
            <span>
              <span className="muted">{pm.fields.sku}:</span> <strong>{product.sku}</strong>
            </span>
            <strong data-testid="product-price">
              {format.money(product.price)} / {product.unit}
            </strong>
          </div>
        </div>
        <div className="lead-actions">
          <AppLink href={`${productPath(product.id)}/edit`} className="button button-primary" testId="record-edit">
            {pm.edit}
          </AppLink>
        </div>
      </header>
      <div className="product-layout">
        <div className="deal-details">
          <DetailSection
            title={pm.sections.main}
            rows={[
              [pm.fields.name, product.name],
              [pm.fields.sku, product.sku],
              [pm.fields.kind, pm.kinds[product.kind]],
              [pm.fields.category, product.category],
              [pm.fields.unit, product.unit],
              [pm.fields.description, product.description ? <span className="pre-line">{product.description}</span> : undefined],
            ]}
          />
          <DetailSection
            title={pm.sections.price}
            rows={[
              [pm.fields.price, format.money(product.price)],
              [pm.fields.vatRate, vatText(product.vatRate, pm)],
            ]}
          />
          <DetailSection
            title={pm.sections.stock}
            rows={[
              [pm.fields.status, pm.statuses[product.status]],
              [pm.fields.available, <Availability key="a" product={product} />],
            ]}
          />
          <DetailSection
            title={pm.sections.record}
            rows={[
              [m.common.owner, userName(product.ownerId)],
              [m.common.created, format.dateTime(product.createdAt)],
              [m.common.updated, product.updatedAt !== product.createdAt ? format.dateTime(product.updatedAt) : undefined],
            ]}
          />
        </div>
        <RecordTimeline resource="products" id={product.id} describeValue={describeValue} fieldLabels={pm.fields} />
      </div>
    </article>
  );
}
