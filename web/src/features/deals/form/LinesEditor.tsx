import { Fragment, useMemo } from 'react';
import { unavailability, type Product } from '@shared/domain/products/product';
import { useI18n } from '../../../i18n/use-i18n';
import { useProducts } from '../deal-api';
import { useDealsMessages, type DealsMessages } from '../deals-messages';
import { emptyLine, lineTotal, linesTotal, parseNumber, type LineDraft } from './deal-form-values';
import { SearchPicker } from './SearchPicker';

/**
 * Order lines (REC-4): a product or service from the catalog, the quantity, its price (the
 * catalog's unless another is agreed), a discount; the line total and the grand total as the API
 * will price them. What the catalog cannot offer is said on the line, before and after saving.
 */
export function useLineProducts(lines: readonly LineDraft[]): (id: string) => Product | undefined {
  const ids = useMemo(() => [...new Set(lines.map((l) => l.productId).filter(Boolean))], [lines]);
  const results = useProducts(ids);
  const byId = new Map<string, Product>();
  results.forEach((result, i) => {
    const id = ids[i];
    if (id && result.data) byId.set(id, result.data);
  });
  return (id: string) => byId.get(id);
}

export const unavailableText = (code: string, dm: DealsMessages): string | undefined =>
  code === 'archived' ? dm.lines.archived : code === 'out_of_stock' ? dm.lines.outOfStock : code === 'no_capacity' ? dm.lines.noCapacity : undefined;

interface LinesEditorProps {
  idPrefix: string;
  lines: LineDraft[];
  productOf: (id: string) => Product | undefined;
  /** By `lines.<i>` for a line, `lines` for all of them. */
  errors: Record<string, string>;
  onChange: (lines: LineDraft[]) => void;
}

export function LinesEditor({ idPrefix, lines, productOf, errors, onChange }: LinesEditorProps) {
  const { format } = useI18n();
  const dm = useDealsMessages();
  const update = (key: string, changes: Partial<LineDraft>) => onChange(lines.map((line) => (line.key === key ? { ...line, ...changes } : line)));
  const total = linesTotal(lines, productOf);

  return (
    <div className="lines-editor" data-testid="lines-editor">
      {lines.length > 0 ? (
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
                  {dm.lines.total}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{dm.lines.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => {
                const product = line.productId ? productOf(line.productId) : undefined;
                const error = errors[`lines.${i}`];
                const quantity = parseNumber(line.quantity);
                const why = product && quantity !== undefined && !Number.isNaN(quantity) ? unavailability(product, quantity) : undefined;
                const warning = error ?? (why ? unavailableText(why, dm) : undefined);
                const lineTotalValue = lineTotal(line, product);
                const n = i + 1;
                const errorId = warning ? `${idPrefix}-line-${line.key}-error` : undefined;
                return (
                  <Fragment key={line.key}>
                    <tr className={warning ? 'line-row line-row-invalid' : 'line-row'} data-testid="line-row">
                      <td className="line-product">
                        {line.productId ? (
                          <div className="line-product-picked">
                            <span className="line-product-name" data-testid="line-product">
                              {product?.name ?? line.productTitle ?? line.productId}
                            </span>
                            {product ? (
                              <span className="muted line-product-meta">
                                {[
                                  product.sku,
                                  product.unit,
                                  dm.lines.catalogPrice(format.money(product.price)),
                                  product.available !== undefined ? dm.lines.available(format.number(product.available)) : undefined,
                                ]
                                  .filter(Boolean)
                                  .join(' · ')}
                              </span>
                            ) : null}
                            <button type="button" className="button button-link" onClick={() => update(line.key, { productId: '', unitPrice: '', currency: undefined })}>
                              {dm.lines.change}
                            </button>
                          </div>
                        ) : (
                          <SearchPicker
                            type="product"
                            label={`${dm.lines.lineN(n)}: ${dm.lines.pickProduct}`}
                            hideLabel
                            placeholder={dm.lines.searchPlaceholder}
                            testId="product-picker"
                            autoFocus
                            describedBy={errorId}
                            invalid={Boolean(warning)}
                            onPick={(hit) => update(line.key, { productId: hit.id, productTitle: hit.title, unitPrice: '', currency: undefined })}
                          />
                        )}
                      </td>
                      <td className="cell-number">
                        <input
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          className="input-number"
                          aria-label={`${dm.lines.lineN(n)}: ${dm.lines.quantity}`}
                          aria-invalid={Boolean(warning)}
                          aria-describedby={errorId}
                          data-testid="line-quantity"
                          value={line.quantity}
                          onChange={(event) => update(line.key, { quantity: event.target.value })}
                        />
                        {product ? <span className="muted line-unit">{product.unit}</span> : null}
                      </td>
                      <td className="cell-number">
                        <input
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          className="input-number"
                          aria-label={`${dm.lines.lineN(n)}: ${dm.lines.unitPrice}`}
                          data-testid="line-price"
                          placeholder={product ? String(product.price.amount) : ''}
                          value={line.unitPrice}
                          onChange={(event) => update(line.key, { unitPrice: event.target.value })}
                        />
                        <span className="muted line-unit">{line.currency ?? product?.price.currency ?? ''}</span>
                      </td>
                      <td className="cell-number">
                        <input
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          className="input-number input-narrow"
                          aria-label={`${dm.lines.lineN(n)}: ${dm.lines.discount}`}
                          data-testid="line-discount"
                          placeholder="0"
                          value={line.discount}
                          onChange={(event) => update(line.key, { discount: event.target.value })}
                        />
                      </td>
                      <td className="cell-number cell-nowrap" data-testid="line-total">
                        {lineTotalValue ? format.money(lineTotalValue) : '—'}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-link line-remove"
                          aria-label={dm.lines.removeLine(n)}
                          title={dm.lines.removeLine(n)}
                          onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
                        >
                          ✕
                        </button>
                      </td>
                    </tr>
                    {warning ? (
                      <tr className="line-error-row">
                        <td colSpan={6}>
                          <p className="field-error" id={errorId} data-testid="line-error">
                            {warning}
                          </p>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4} className="cell-number">
                  {dm.lines.grandTotal}
                </th>
                <td className="cell-number cell-nowrap" data-testid="lines-grand-total">
                  <strong>{total ? format.money(total) : '—'}</strong>
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <p className="muted">{dm.lines.empty}</p>
      )}
      {errors.lines ? (
        <p className="field-error" data-testid="lines-error">
          {errors.lines}
        </p>
      ) : null}
      {lines.length < 100 ? (
        <button type="button" className="button" onClick={() => onChange([...lines, emptyLine()])} data-testid="line-add">
          <span aria-hidden="true">+</span> {dm.lines.add}
        </button>
      ) : null}
    </div>
  );
}
