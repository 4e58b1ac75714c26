import { useState } from 'react';
import { currencies } from '@shared/domain/common/values';
import { createProductSchema, productKinds, productStatuses, updateProductSchema, vatRates, type CreateProductInput, type Product, type UpdateProductInput } from '@shared/domain/products/product';
import { useDocumentTitle } from '../../app/use-document-title';
import { useAppConfig } from '../../config/use-config';
import { Field } from '../../ui/Field';
import { RecordFormShell } from '../../records/form/RecordFormShell';
import { SaveNotice } from '../../records/form/SaveNotice';
import { useGoTo } from '../../ui/AppLink';
import { issueText, issuesOfZod, showApiIssues, type FormErrors, type Issue } from '../../records/form/form-errors';
import { useFormState } from '../../records/form/use-form-state';
import { useRecordsMessages } from '../../records/records-messages';
import { useCreateProduct, useProduct, useUpdateProduct } from './product-api';
import { productPath } from './product-paths';
import { useProductsMessages, type ProductsMessages } from './products-messages';
import { RecordLoadState } from '../../records/page/RecordLoadState';
import { useDecimalMark, useFormGeneration } from '../../records/page/use-record-page';
import '../../styles/deals-products.css';

/** A catalog item's create and edit forms: validated with the API's own schema first, then by the API. */
type Currency = (typeof currencies)[number];
type Kind = (typeof productKinds)[number];
type Status = (typeof productStatuses)[number];

interface ProductFormValues {
  sku: string;
  name: string;
  kind: Kind;
  category: string;
  unit: string;
  price: string;
  currency: Currency;
  /** 'none' is "without VAT" (null). */
  vatRate: string;
  description: string;
  available: string;
  status: Status;
}
type FormField = keyof ProductFormValues;
const formFields: readonly FormField[] = ['sku', 'name', 'kind', 'category', 'unit', 'price', 'currency', 'vatRate', 'description', 'available', 'status'];

const parseNumber = (text: string): number | undefined => {
  const trimmed = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (trimmed === '') return undefined;
  return /^-?\d*\.?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};
const numberText = (n: number, decimalMark: string) => String(n).replace('.', decimalMark);
const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

function emptyValues(currency: Currency): ProductFormValues {
  return { sku: '', name: '', kind: 'product', category: '', unit: '', price: '', currency, vatRate: '20', description: '', available: '', status: 'active' };
}

function valuesOf(product: Product, decimalMark: string): ProductFormValues {
  return {
    sku: product.sku,
    name: product.name,
    kind: product.kind,
    category: product.category ?? '',
    unit: product.unit,
    price: numberText(product.price.amount, decimalMark),
    currency: product.price.currency,
    vatRate: product.vatRate === null || product.vatRate === undefined ? 'none' : String(product.vatRate),
    description: product.description ?? '',
    available: product.available === undefined ? '' : String(product.available),
    status: product.status,
  };
}

function fieldsOf(values: ProductFormValues) {
  const price = parseNumber(values.price);
  const available = parseNumber(values.available);
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    kind: values.kind,
    unit: values.unit.trim(),
    price: { amount: price ?? Number.NaN, currency: values.currency },
    vatRate: values.vatRate === 'none' ? null : Number(values.vatRate),
    category: optional(values.category),
    description: optional(values.description),
    available,
    status: values.status,
  };
}

function createBodyOf(values: ProductFormValues): Record<string, unknown> {
  const fields = fieldsOf(values);
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function patchOf(values: ProductFormValues, product: Product): Record<string, unknown> {
  const fields = fieldsOf(values) as Record<string, unknown>;
  const patch: Record<string, unknown> = { version: product.version };
  for (const [key, after] of Object.entries(fields)) {
    const before = (product as unknown as Record<string, unknown>)[key];
    if (after === undefined) {
      if (before !== undefined && before !== null) patch[key] = null;
    } else if (JSON.stringify(after) !== JSON.stringify(before ?? null)) patch[key] = after;
  }
  return patch;
}

const fieldOfPath = (path: string): FormField | undefined => {
  if (path === 'price.currency') return 'currency';
  const head = path.split('.')[0] ?? '';
  return (formFields as readonly string[]).includes(head) ? (head as FormField) : undefined;
};

function productIssueText(issue: Issue, field: FormField | undefined, m: ReturnType<typeof useRecordsMessages>, pm: ProductsMessages): string {
  if (field === 'sku' && issue.code !== 'too_small' && issue.code !== 'invalid_type') return pm.form.invalidSku;
  if (field === 'price' && issue.code !== 'unrecognized_keys') return pm.form.invalidPrice;
  if (field === 'available') return pm.form.invalidAvailable;
  if (issue.code === 'invalid_type' && /null/.test(issue.message)) return pm.form.cannotClear;
  return issueText(issue, m);
}

function useProductForm(initial: ProductFormValues) {
  const m = useRecordsMessages();
  const pm = useProductsMessages();
  return useFormState(initial, {
    clears: (field, key) => key === field,
    place: (issues) => {
      const fields: FormErrors = {};
      const other: string[] = [];
      for (const issue of issues) {
        const field = fieldOfPath(issue.path);
        const text = productIssueText(issue, field, m, pm);
        if (field) fields[field] ??= text;
        else other.push(issue.path && issue.path !== 'body' ? `${issue.path}: ${text}` : text);
      }
      return { fields, other };
    },
  });
}

function ProductFormFields({ values, errors, onChange }: { values: ProductFormValues; errors: FormErrors; onChange: <F extends FormField>(field: F, value: ProductFormValues[F]) => void }) {
  const pm = useProductsMessages();
  const id = (field: FormField) => `product-${field}`;
  const control = (field: FormField) => ({ name: field, 'data-testid': `record-form-${field}` });
  const text = (field: 'sku' | 'name' | 'category' | 'unit', options: { required?: boolean; max: number; hint?: string }) => (
    <Field id={id(field)} label={pm.fields[field]} error={errors[field]} required={options.required} hint={options.hint}>
      {(aria) => <input {...aria} {...control(field)} type="text" autoComplete="off" maxLength={options.max} value={values[field]} onChange={(event) => onChange(field, event.target.value)} />}
    </Field>
  );
  return (
    <>
      <fieldset className="form-group">
        <legend>{pm.form.groups.main}</legend>
        {text('name', { required: true, max: 200 })}
        <div className="form-grid form-grid-3">
          {text('sku', { required: true, max: 40, hint: pm.form.skuHint })}
          <Field id={id('kind')} label={pm.fields.kind} error={errors.kind} required>
            {(aria) => (
              <select {...aria} {...control('kind')} value={values.kind} onChange={(event) => onChange('kind', event.target.value as Kind)}>
                {productKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {pm.kinds[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('unit', { required: true, max: 20, hint: pm.form.unitHint })}
        </div>
        {text('category', { max: 100 })}
        <Field id={id('description')} label={pm.fields.description} error={errors.description}>
          {(aria) => <textarea {...aria} {...control('description')} rows={4} maxLength={5000} value={values.description} onChange={(event) => onChange('description', event.target.value)} />}
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{pm.form.groups.price}</legend>
        <div className="form-grid form-grid-3">
          <Field id={id('price')} label={pm.fields.price} error={errors.price} required>
            {(aria) => (
              <input {...aria} {...control('price')} type="text" inputMode="decimal" autoComplete="off" value={values.price} onChange={(event) => onChange('price', event.target.value)} />
            )}
          </Field>
          <Field id={id('currency')} label={pm.fields.currency} error={errors.currency} required>
            {(aria) => (
              <select {...aria} {...control('currency')} value={values.currency} onChange={(event) => onChange('currency', event.target.value as Currency)}>
                {currencies.map((currency) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('vatRate')} label={pm.fields.vatRate} error={errors.vatRate} required>
            {(aria) => (
              <select {...aria} {...control('vatRate')} value={values.vatRate} onChange={(event) => onChange('vatRate', event.target.value)}>
                {vatRates.map((rate) => (
                  <option key={rate} value={String(rate)}>
                    {pm.vat.rate(rate)}
                  </option>
                ))}
                <option value="none">{pm.vat.none}</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{pm.form.groups.stock}</legend>
        <div className="form-grid form-grid-2">
          <Field id={id('available')} label={pm.fields.available} error={errors.available} hint={pm.form.availableHint}>
            {(aria) => (
              <input
                {...aria}
                {...control('available')}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={values.available}
                onChange={(event) => onChange('available', event.target.value)}
              />
            )}
          </Field>
          <Field id={id('status')} label={pm.fields.status} error={errors.status}>
            {(aria) => (
              <select {...aria} {...control('status')} value={values.status} onChange={(event) => onChange('status', event.target.value as Status)}>
                {productStatuses.map((status) => (
                  <option key={status} value={status}>
                    {pm.statuses[status]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
    </>
  );
}

export function NewProductPage() {
  const m = useRecordsMessages();
  const pm = useProductsMessages();
  const config = useAppConfig();
  const goTo = useGoTo();
  const create = useCreateProduct();
  const currency = (currencies as readonly string[]).includes(config.currency) ? (config.currency as Currency) : 'RUB';
  const form = useProductForm(emptyValues(currency));
  useDocumentTitle(pm.form.createTitle);

  function submit() {
    const parsed = createProductSchema.safeParse(createBodyOf(form.values));
    if (!parsed.success) {
      form.showIssues(issuesOfZod(parsed.error.issues));
      return;
    }
    form.clearErrors();
    create.mutate(parsed.data as CreateProductInput, {
      onSuccess: (product) => goTo(productPath(product.id), { replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      title={pm.form.createTitle}
      submitLabel={m.form.create}
      submitting={create.isPending}
      form={form}
      notice={<SaveNotice error={create.error} conflict="message" />}
      onSubmit={submit}
      onCancel={() => goTo('/products')}
      testId="product-form"
    >
      <ProductFormFields values={form.values} errors={form.errors} onChange={form.change} />
    </RecordFormShell>
  );
}

/** Edit a catalog item. "Reload" after a conflict starts the form again from the latest version. */
export function EditProductPage({ productId }: { productId: string }) {
  const pm = useProductsMessages();
  const { data: product, isPending, error, refetch } = useProduct(productId);
  const { generation, reload } = useFormGeneration(refetch);
  useDocumentTitle(product ? `${pm.form.editTitle}: ${product.name}` : pm.form.editTitle);
  if (isPending || !product) return <RecordLoadState pending={isPending} error={error} loading={pm.loading} notFound={pm.notFound} />;
  return (
    <EditProductForm
      key={generation}
      product={product}
      onReload={reload}
    />
  );
}

function EditProductForm({ product: loaded, onReload }: { product: Product; onReload: () => Promise<void> }) {
  const decimal = useDecimalMark();
  const m = useRecordsMessages();
  const pm = useProductsMessages();
  const goTo = useGoTo();
  const [base] = useState(loaded);
  const update = useUpdateProduct(base.id);
  const form = useProductForm(valuesOf(base, decimal));
  const [nothingChanged, setNothingChanged] = useState(false);

  function submit() {
    setNothingChanged(false);
    const patch = patchOf(form.values, base);
    if (Object.keys(patch).length === 1) {
      form.clearErrors();
      setNothingChanged(true);
      return;
    }
    const parsed = updateProductSchema.safeParse(patch);
    if (!parsed.success) {
      form.showIssues(issuesOfZod(parsed.error.issues).filter((issue) => issue.path !== 'version'));
      return;
    }
    form.clearErrors();
    update.mutate(parsed.data as UpdateProductInput, {
      onSuccess: () => goTo(productPath(base.id), { replace: true }),
      onError: showApiIssues(form),
    });
  }

  return (
    <RecordFormShell
      title={`${pm.form.editTitle}: ${base.name}`}
      submitLabel={m.form.save}
      submitting={update.isPending}
      form={form}
      notice={<SaveNotice error={update.error} nothingChanged={nothingChanged} onReload={onReload} />}
      onSubmit={submit}
      onCancel={() => goTo(productPath(base.id))}
      testId="product-form"
    >
      <ProductFormFields values={form.values} errors={form.errors} onChange={form.change} />
    </RecordFormShell>
  );
}
