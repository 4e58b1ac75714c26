import { useId } from 'react';
import type { Stage } from '@shared/domain/deals/pipeline';
import { useSettingsMessages } from './settings-messages';

/**
 * The pipeline at a glance, as it is being edited: the worked stages in order, then won and lost,
 * each with its chance of winning as a bar.
 */
export function FunnelPreview({ stages }: { stages: readonly Partial<Stage>[] }) {
  const m = useSettingsMessages();
  const titleId = useId();
  const ordered = [...stages.filter((s) => (s.outcome ?? 'open') === 'open'), ...stages.filter((s) => s.outcome === 'won'), ...stages.filter((s) => s.outcome === 'lost')];
  return (
    <section className="settings-funnel" aria-labelledby={titleId} data-testid="pipeline-funnel">
      <h2 className="settings-subtitle" id={titleId}>
        {m.pipelines.funnel}
      </h2>
      <p className="muted">{m.pipelines.funnelHint}</p>
      <ol className="settings-funnel-list">
        {ordered.map((stage, index) => {
          const probability = typeof stage.probability === 'number' && Number.isFinite(stage.probability) ? Math.min(100, Math.max(0, stage.probability)) : undefined;
          const outcome = stage.outcome ?? 'open';
          return (
            <li key={`${stage.id ?? ''}-${index}`} className={`settings-funnel-stage settings-funnel-${outcome}`}>
              <span className="settings-funnel-name break">
                {stage.name || m.pipelines.newStageName}
                {outcome !== 'open' ? <span className="cell-sub">{m.pipelines.outcomes[outcome]}</span> : null}
              </span>
              <span className="settings-funnel-track" aria-hidden="true">
                <span className="settings-funnel-bar" style={{ width: `${probability ?? 0}%` }} />
              </span>
              <span className="settings-funnel-value">{probability === undefined ? m.common.none : `${probability} %`}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
