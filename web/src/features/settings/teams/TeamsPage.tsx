import { useReducer } from 'react';
import type { UserSummary } from '@shared/api/contracts';
import { teamSetSchema, type TeamSet } from '@shared/domain/teams/team';
import { useCan } from '../../../auth/use-can';
import { useI18n } from '../../../i18n/use-i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadingState } from '../../../ui/LoadingState';
import { LoadFailed } from '../../../ui/LoadFailed';
import { userLabel, useUsers } from '../../../api/use-users';
import { issuesOfZod, type Issue } from '../../../records/form/form-errors';
import { useRecordsMessages } from '../../../records/records-messages';
import { ConfirmDialog } from '../ConfirmDialog';
import { LeaveGuard } from '../LeaveGuard';
import { SaveBar } from '../SaveBar';
import { SettingsPage } from '../SettingsPage';
import { saveFailure } from '../settings-issues';
import { useSettingsMessages } from '../settings-messages';
import { TeamCard } from './TeamCard';
import { maxTeams, teamOf, teamSetBody } from './team-draft';
import { editorStateOf, failedStep, isDirty, teamsEditorStep } from './team-editor';
import { usersInNoTeam } from './team-insights';
import { teamIssueText, unknownUserIssues } from './team-issues';
import { useTeamsMessages } from './teams-messages';
import { useSaveTeams, useTeamSet } from './use-teams';
import { useUserLabels } from './use-user-labels';
import '../../../styles/settings.css';
import './teams.css';

/**
 * The teams (ACC-2: a rep sees own records, a manager the team's, an admin everything): each with
 * its manager and members, who is in no team, and teams to look at twice; saved as one set with
 * the version read. Admins change them; department managers see them read-only; others are told
 * the page is not theirs instead of being sent a 403.
 */
export function TeamsPage() {
  const m = useTeamsMessages();
  const can = useCan();
  return (
    <SettingsPage title={m.title} intro={m.intro} testId="teams-page" className="teams-page" allowed={can('teams', 'read')} forbidden={m.forbidden}>
      <TeamsLoader canEdit={can('teams', 'manage')} />
    </SettingsPage>
  );
}

/** The teams and the user directory, then the editor (read-only for department managers). */
function TeamsLoader({ canEdit }: { canEdit: boolean }) {
  const m = useTeamsMessages();
  const set = useTeamSet();
  const users = useUsers();
  return (
    <>
      {canEdit ? null : (
        <p className="notice notice-info" data-testid="settings-read-only">
          {m.readOnly}
        </p>
      )}
      {set.isPending || users.isPending ? (
        <LoadingState text={m.loading} />
      ) : set.isError || users.isError ? (
        <LoadFailed
          error={set.error ?? users.error}
          retry={() => {
            if (set.isError) void set.refetch();
            if (users.isError) void users.refetch();
          }}
        />
      ) : (
        <TeamsEditor initial={set.data} users={users.data} canEdit={canEdit} reload={async () => (await set.refetch()).data} reloading={set.isRefetching} />
      )}
    </>
  );
}

interface EditorProps {
  initial: TeamSet;
  users: UserSummary[];
  canEdit: boolean;
  reload: () => Promise<TeamSet | undefined>;
  reloading: boolean;
}

function TeamsEditor({ initial, users, canEdit, reload, reloading }: EditorProps) {
  const m = useTeamsMessages();
  const sm = useSettingsMessages();
  const rm = useRecordsMessages();
  const { t, locale } = useI18n();
  const save = useSaveTeams();
  const [state, dispatch] = useReducer(teamsEditorStep, initial, editorStateOf);
  const { drafts, issues, removing } = state;
  const dirty = isDirty(state);
  const sorted = [...users].sort((a, b) => userLabel(a).localeCompare(userLabel(b), locale));
  const lonely = usersInNoTeam(sorted, drafts.map(teamOf));
  const labels = useUserLabels(sorted);
  const text = (issue: Issue) => teamIssueText(issue, m, rm);

  function submit() {
    const sent = drafts;
    const body = teamSetBody(sent, state.base.version);
    const checked = teamSetSchema.safeParse(body);
    const unknown = unknownUserIssues(body.teams, new Set(users.map((user) => user.id)));
    if (!checked.success || unknown.length) {
      dispatch({ type: 'invalid', issues: [...(checked.success ? [] : issuesOfZod(checked.error.issues)), ...unknown], sent, text });
      return;
    }
    dispatch({ type: 'sending' });
    save.mutate(checked.data, {
      onSuccess: (result) => dispatch({ type: 'load', set: result, saved: true }),
      onError: (error) => dispatch(failedStep(saveFailure(error, t), sent, text)),
    });
  }

  return (
    <>
      <div className="settings-toolbar">
        <p className="muted" role="status">
          {m.count(drafts.length)}
        </p>
        {canEdit ? (
          <button type="button" className="button" onClick={() => dispatch({ type: 'add' })} disabled={drafts.length >= maxTeams} data-testid="team-add">
            + {m.add}
          </button>
        ) : null}
      </div>

      <aside className="teams-lonely" aria-label={m.noTeam.title} data-testid="teams-no-team">
        {lonely.length ? (
          <>
            <h2 className="settings-subtitle">
              {m.noTeam.title} <span className="muted">({lonely.length})</span>
            </h2>
            <p className="muted">{m.noTeam.hint}</p>
            <ul className="teams-lonely-list">
              {lonely.map((user) => (
                <li key={user.id} data-testid={`teams-no-team-${user.id}`}>
                  {userLabel(user)} <span className="muted">({labels.roles(user)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{m.noTeam.all}</p>
        )}
      </aside>

      {drafts.length === 0 ? (
        <EmptyState title={m.empty} />
      ) : (
        <div className="teams-list">
          {drafts.map((draft) => (
            <TeamCard
              key={draft.uid}
              draft={draft}
              users={sorted}
              errors={issues.teams[draft.uid] ?? {}}
              canEdit={canEdit}
              focus={draft.uid === state.added}
              onChange={(patch) => dispatch({ type: 'change', uid: draft.uid, patch })}
              onRemove={() => dispatch({ type: 'ask-remove', uid: draft.uid })}
            />
          ))}
        </div>
      )}

      {canEdit ? (
        // The save bar is the settings' own (its button `settings-save`); this wrapper is the one that sticks.
        <div className="teams-savebar" data-testid="teams-save">
          <SaveBar
            dirty={dirty}
            saving={save.isPending}
            saved={state.saved}
            problem={state.problem}
            reloading={reloading}
            onSave={submit}
            onDiscard={() => dispatch({ type: 'load', set: state.base, saved: false })}
            onReload={() => void reload().then((fresh) => fresh && dispatch({ type: 'load', set: fresh, saved: false }))}
          />
        </div>
      ) : null}

      <ConfirmDialog
        open={Boolean(removing)}
        title={m.removeTitle}
        text={removing ? m.removeText(removing.name.trim() || m.newTeam) : ''}
        confirm={m.removeConfirm}
        cancel={sm.common.cancel}
        onConfirm={() => removing && dispatch({ type: 'remove', uid: removing.uid })}
        onCancel={() => dispatch({ type: 'keep' })}
        testId="team-remove-dialog"
      />
      <LeaveGuard dirty={canEdit && dirty} />
    </>
  );
}
