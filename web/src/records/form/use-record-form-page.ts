import type { CustomizableType } from '@shared/domain/custom-fields/custom-field';
import { useAppConfig } from '../../config/use-config';
import { useCustomFields } from '../custom/use-custom-fields';
import { useDecimalMark } from '../page/use-record-page';

/**
 * What an account's or contact's form needs besides the record: the decimal mark, the default
 * currency (`currencyOf` the configured one), and the type's custom fields. A failure to read the
 * definitions must not keep the form away: it works without them.
 */
export function useRecordFormContext<C extends string>(type: CustomizableType, currencyOf: (configured: string) => C) {
  const decimal = useDecimalMark();
  const config = useAppConfig();
  const fields = useCustomFields(type);
  return {
    decimal,
    currency: currencyOf(config.currency),
    customFields: fields.data?.fields ?? [],
    ready: !fields.isPending,
  };
}
