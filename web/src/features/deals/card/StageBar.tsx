import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Deal } from '@shared/domain/deals/deal';
import { missingForStage, type Stage, type StageRequirableField } from '@shared/domain/deals/pipeline';
import { isApiError } from '../../../api/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Spinner } from '../../../ui/Spinner';
import { apiErrorMessage } from '../../../api/api-error-message';
import { recordKeys } from '../../../records/records-http';
import { useMoveDeal, type StoredPipeline } from '../deal-api';
import { useDealsMessages } from '../deals-messages';
import { requiredFieldsError, StageMoveDialog } from './StageMoveDialog';

/**
 * The pipeline's stages in order with the deal's current one marked, the days it has spent there
 * against the stage's norm, and a move to each other stage. A move the stage's rules refuse
 * (422) opens a form for the missing fields; the lost stage asks for the reason first.
 */
const dayMs = 86_400_000;

export function StageBar({ deal, pipeline }: { deal: Deal; pipeline: StoredPipeline | undefined }) {
  const { t } = useI18n();
  const dm = useDealsMessages();
  const queryClient = useQueryClient();
  const move = useMoveDeal(deal.id);
  const [target, setTarget] = useState<{ stage: Stage; missing: StageRequirableField[] } | undefined>();
  const [moving, setMoving] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');

  const stages = pipeline?.stages ?? [];
  const currentIndex = stages.findIndex((s) => s.id === deal.stage);
  const current = stages[currentIndex];
  const closed = current ? current.outcome !== 'open' : false;
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(deal.stageChangedAt)) / dayMs));
  const overdue = current?.outcome === 'open' && current.normDays !== undefined && days > current.normDays;

  function start(stage: Stage) {
    setAnnouncement('');
    move.reset();
    if (stage.outcome === 'lost') {
      setTarget({ stage, missing: missingForStage(deal, stage) });
      return;
    }
    setMoving(stage.id);
    move.mutate(
      { version: deal.version, stage: stage.id },
      {
        onSuccess: () => setAnnouncement(dm.stages.moved(stage.name)),
        onError: (error) => {
          const missing = requiredFieldsError(error);
          if (missing) {
            move.reset();
            setTarget({ stage, missing });
          }
        },
        onSettled: () => setMoving(undefined),
      },
    );
  }

  const moveError = move.isError ? move.error : undefined;
  const conflict = isApiError(moveError) && moveError.isConflict;

  if (!pipeline || !current) {
    return (
      <div className="stage-bar stage-bar-unknown">
        <span className="muted">{dm.fields.stage}:</span>{' '}
        <strong data-testid="deal-stage">{stages.length === 0 ? deal.stage : `${deal.stage} (${dm.stages.unknownStage})`}</strong>
      </div>
    );
  }

  return (
    <section className="stage-bar-panel" aria-label={dm.stages.label}>
      <ol className="stage-bar" data-testid="deal-stages">
        {stages.map((stage, i) => {
          const isCurrent = stage.id === deal.stage;
          const state = isCurrent ? 'current' : i < currentIndex && stage.outcome === 'open' ? 'passed' : 'ahead';
          return (
            <li key={stage.id} className={`stage stage-${state} stage-outcome-${stage.outcome}`} aria-current={isCurrent ? 'step' : undefined} data-stage={stage.id}>
              <span className="stage-name" {...(isCurrent ? { 'data-testid': 'deal-stage' } : {})}>
                {stage.name}
              </span>
              <span className="stage-meta">
                {stage.probability}%{stage.normDays ? ` · ${dm.stages.norm(stage.normDays)}` : ''}
              </span>
              {isCurrent ? (
                <span className="visually-hidden">{dm.stages.current}</span>
              ) : !closed ? (
                <button
                  type="button"
                  className={stage.outcome === 'lost' ? 'button stage-move stage-move-lost' : 'button stage-move'}
                  data-testid={`deal-stage-move-${stage.id}`}
                  disabled={Boolean(moving)}
                  title={dm.stages.moveTo(stage.name)}
                  aria-label={dm.stages.moveTo(stage.name)}
                  onClick={() => start(stage)}
                >
                  {moving === stage.id ? <Spinner size="sm" /> : null}
                  {moving === stage.id ? dm.stages.moving : dm.stages.move}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className={overdue ? 'stage-days stage-days-overdue' : 'stage-days muted'} data-testid="deal-stage-days">
        {closed ? dm.stages.closed : overdue ? dm.stages.overdue(days) : dm.stages.inStage(days)}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {moveError ? (
        <ErrorNotice
          action={
            conflict ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  move.reset();
                  void queryClient.invalidateQueries({ queryKey: recordKeys.detail('deals', deal.id) });
                }}
              >
                {dm.move.reload}
              </button>
            ) : undefined
          }
        >
          {conflict ? dm.move.conflict : isApiError(moveError) && moveError.fields.some((f) => f.code === 'closed') ? dm.move.closed : apiErrorMessage(moveError, t)}
        </ErrorNotice>
      ) : null}
      {target ? (
        <StageMoveDialog
          deal={deal}
          stage={target.stage}
          missing={target.missing}
          onClose={() => {
            setTarget(undefined);
            void queryClient.invalidateQueries({ queryKey: recordKeys.detail('deals', deal.id) });
          }}
          onMoved={(moved) => {
            setTarget(undefined);
            setAnnouncement(dm.stages.moved(stages.find((s) => s.id === moved.stage)?.name ?? moved.stage));
          }}
        />
      ) : null}
    </section>
  );
}
