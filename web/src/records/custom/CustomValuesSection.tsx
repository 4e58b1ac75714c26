import type { CustomField, CustomizableType } from '@shared/domain/custom-fields/custom-field';
import { useI18n } from '../../i18n/use-i18n';
import { DetailSection, type DetailRow } from '../../ui/DetailSection';
import { useRecordsMessages } from '../records-messages';
import { customValueText } from './custom-value';
import { useCustomFields } from './use-custom-fields';

/** The record's custom values, by the labels of the type's definitions; nothing when none is set. */
export function CustomValuesSection({ type, values }: { type: CustomizableType; values: Record<string, unknown> | undefined }) {
  const { format, locale } = useI18n();
  const m = useRecordsMessages();
  const { data } = useCustomFields(type);
  const fields: CustomField[] = data?.fields ?? [];
  const rows: DetailRow[] = fields.map((field) => [field.label, customValueText(field, values?.[field.key], { m, format, locale })]);
  return <DetailSection title={m.form.customGroup} rows={rows} />;
}
