import { useState } from 'react';
import type { RecordBase } from '@shared/domain/records/record-type';
import { useI18n } from '../../i18n/use-i18n';
import { useFollowMerged, useRecord, type KitResource } from './use-record';

/**
 * An account's or contact's page or edit form: the record, and the state to show until it is
 * there (see `RecordLoadState`); a merged record's id moves on to the survivor's address
 * (`suffix`: `/edit`), which counts as still loading.
 */
export function useRecordPage<T extends RecordBase>(resource: KitResource, id: string, suffix = '') {
  const { data: record, isPending, error, refetch } = useRecord<T>(resource, id);
  const moved = useFollowMerged(resource, id, record, suffix);
  return { record, state: { pending: isPending || moved, error, retry: () => void refetch() }, refetch };
}

/**
 * An edit form's generation, its React key: "load the latest version" after a conflict reads
 * the record again and starts the form anew from it.
 */
export function useFormGeneration(refetch: () => Promise<unknown>) {
  const [generation, setGeneration] = useState(0);
  return {
    generation,
    reload: async () => {
      await refetch();
      setGeneration((n) => n + 1);
    },
  };
}

/** The decimal mark numbers are typed with in the user's language. */
export function useDecimalMark(): ',' | '.' {
  const { locale } = useI18n();
  return locale === 'ru' ? ',' : '.';
}
