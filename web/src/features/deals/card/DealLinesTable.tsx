import type { Deal } from '@shared/domain/deals/deal';
import { useI18n } from '../../../i18n/use-i18n';
import { AppLink } from '../../../ui/AppLink';
import { useDealsMessages } from '../deals-messages';

/** The deal's order lines as priced when saved: product, quantity, unit price, discount, line total, grand total. */
export function DealLinesTable({ deal }: { deal: Deal }) {
  const { format } = useI18n();
  const dm = useDealsMessages();
  const lines = deal.lines ?? [];
  return (
    <section className="detail-section deal-lines" aria-labelledby="deal-lines-title" data-testid="deal-lines">
      <h2 id="deal-lines-title" className="detail-title">
        {dm.sections.lines}
      </h2>
      {lines.length === 0 ? (
        <p className="muted">{dm.lines.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table lines-table">
            <caption className="visually-hidden">{dm.lines.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{dm.lines.product}</th>
                <th scope="col" className="cell-number">
                  {dm.lines.quantity}
                </th>
                <th scope="col" className="cell-number">
                  {dm.lines.unitPrice}
                </th>
                <th scope="col" className="cell-number">
                  {dm.lines.discount}
                </th>
                <th scope="col" className="cell-number">
                  {dm.lines.vat}
                </th>
                <th scope="col" className="cell-number">
                  {dm.lines.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => (
                <tr key={`${line.productId}-${i}`} data-testid="deal-line">
                  <td>
                    <AppLink href={`/products/${encodeURIComponent(line.productId)}`} className="line-product-name">
                      {line.name}
                    </AppLink>
                    <span className="muted line-product-meta">{line.sku}</span>
                  </td>
                  <td className="cell-number cell-nowrap">
                    {format.number(line.quantity)} <span className="muted">{line.unit}</span>
                  </td>
                  <td className="cell-number cell-nowrap">{format.money(line.unitPrice)}</td>
                  <td className="cell-number">{line.discountPercent ? `${format.number(line.discountPercent)}%` : '—'}</td>
                  <td className="cell-number">{line.vatRate === null || line.vatRate === undefined ? dm.lines.noVat : `${line.vatRate}%`}</td>
                  <td className="cell-number cell-nowrap">{format.money(line.total)}</td>
                </tr>
              ))}
            </tbody>
            {deal.amount ? (
              <tfoot>
                <tr>
                  <th scope="row" colSpan={5} className="cell-number">
                    {dm.lines.grandTotal}
                  </th>
                  <td className="cell-number cell-nowrap" data-testid="deal-lines-total">
                    <strong>{format.money(deal.amount)}</strong>
                  </td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      )}
    </section>
  );
}
