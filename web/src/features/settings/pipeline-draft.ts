import type { Role } from '@shared/auth/roles';
import { stageRequirableFields, type Stage, type StageRequirableField } from '@shared/domain/deals/pipeline';
import { draftId } from './custom-field-draft';

/**
 * A pipeline's stages as the admin edits them: numbers as typed (checked on save), each row with
 * a draft id, and whether the stage is saved (deals refer to its id, which then stays).
 */
export type Outcome = Stage['outcome'];

export interface StageDraft {
  uid: string;
  saved: boolean;
  /** The admin typed the id; until then a new stage's id follows its name. */
  idTouched: boolean;
  id: string;
  name: string;
  outcome: Outcome;
  requiredFields: StageRequirableField[];
  normDays: string;
  responsibleRole: Role | '';
  probability: string;
}

export function stageDraftsOf(stages: readonly Stage[]): StageDraft[] {
  return stages.map((stage) => ({
    uid: draftId(),
    saved: true,
    idTouched: true,
    id: stage.id,
    name: stage.name,
    outcome: stage.outcome ?? 'open',
    requiredFields: [...(stage.requiredFields ?? [])],
    normDays: stage.normDays === undefined ? '' : String(stage.normDays),
    responsibleRole: stage.responsibleRole ?? '',
    probability: String(stage.probability),
  }));
}

export function newStageDraft(): StageDraft {
  return { uid: draftId(), saved: false, idTouched: false, id: '', name: '', outcome: 'open', requiredFields: [], normDays: '', responsibleRole: '', probability: '' };
}

const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

/** The stage as the API takes it (the shared schema then says what is wrong with it). */
export function stageOf(draft: StageDraft): Partial<Stage> {
  const normDays = numberOf(draft.normDays);
  const probability = numberOf(draft.probability);
  return {
    id: draft.id.trim(),
    name: draft.name.trim(),
    outcome: draft.outcome,
    requiredFields: stageRequirableFields.filter((field) => draft.requiredFields.includes(field)),
    ...(normDays !== undefined ? { normDays } : {}),
    ...(draft.responsibleRole ? { responsibleRole: draft.responsibleRole } : {}),
    ...(probability !== undefined ? { probability } : {}),
  };
}

/** Whether two stage lists say the same, whatever the order of their required fields. */
export function sameStages(a: readonly Partial<Stage>[], b: readonly Partial<Stage>[]): boolean {
  const normal = (stages: readonly Partial<Stage>[]) =>
    JSON.stringify(
      stages.map((s) => ({
        id: s.id,
        name: s.name,
        outcome: s.outcome ?? 'open',
        requiredFields: stageRequirableFields.filter((field) => s.requiredFields?.includes(field)),
        normDays: s.normDays ?? null,
        responsibleRole: s.responsibleRole ?? null,
        probability: s.probability ?? null,
      })),
    );
  return normal(a) === normal(b);
}
