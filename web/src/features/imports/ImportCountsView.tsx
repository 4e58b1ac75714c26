import type { ImportCounts } from '@shared/domain/imports/import-job';
import { useI18n } from '../../i18n/use-i18n';
import { useImportMessages } from './import-messages';

/** The counts of a phase as a row of figures; zero figures of rare outcomes are left out. */
type CountKey = keyof ImportCounts;

export function ImportCountsView({ counts, phase, label }: { counts: ImportCounts; phase: 'check' | 'import'; label: string }) {
  const m = useImportMessages();
  const { format } = useI18n();
  const words = phase === 'check' ? m.checkCounts : m.counts;
  const keys: CountKey[] = ['created', 'updated', 'skipped', 'invalid', 'failed', 'duplicates'];
  const shown = keys.filter((key) => key !== 'failed' || counts.failed > 0);
  return (
    <dl className="transfer-counts" aria-label={label} data-testid="import-counts">
      {shown.map((key) => (
        <div key={key} className={`transfer-count transfer-count-${key}`} data-count={key}>
          <dt>{words[key]}</dt>
          <dd>{format.number(counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
