import { useId, useState } from 'react';
import type { UserSummary } from '@shared/api/contracts';
import { useI18n } from '../../../i18n/use-i18n';
import { FormDialog } from '../../../ui/FormDialog';
import { LoadingState } from '../../../ui/LoadingState';
import { AppLink } from '../../../ui/AppLink';
import { LoadFailed } from '../../../ui/LoadFailed';
import { userLabel } from '../../../api/use-users';
import { useRecordsMessages } from '../../../records/records-messages';
import { saveFailure } from '../settings-issues';
import { teamIssueText } from '../teams/team-issues';
import { useTeamsMessages } from '../teams/teams-messages';
import { useSaveTeams, useTeamSet } from '../teams/use-teams';
import { memberTeamIds, teamsOfUser, withMemberships } from './user-admin';
import { useUsersMessages } from './users-messages';

/**
 * Which teams a user is a member of (ACC-2 from the users page): a checkbox a team, saved as the
 * whole versioned set with the version read. Someone else's save meanwhile (409) loads the set
 * anew and keeps the ticks, to be saved again. Who manages a team is changed on the teams page.
 */
export function UserTeamsDialog({ user, onClose, onSaved }: { user: UserSummary; onClose: () => void; onSaved: () => void }) {
  const m = useUsersMessages();
  const tm = useTeamsMessages();
  const rm = useRecordsMessages();
  const { t, locale } = useI18n();
  const id = useId();
  const set = useTeamSet();
  const save = useSaveTeams();
  const [ticked, setTicked] = useState<string[]>();
  const [failure, setFailure] = useState<string>();
  const mt = m.teams;
  const name = userLabel(user);
  const chosen = ticked ?? (set.data ? memberTeamIds(user.id, set.data) : []);
  const teams = [...(set.data?.teams ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale));
  const managed = set.data ? teamsOfUser(user.id, set.data).filter((team) => team.asManager) : [];

  function submit() {
    if (!set.data) return;
    setFailure(undefined);
    save.mutate(withMemberships(set.data, user.id, chosen), {
      onSuccess: onSaved,
      onError: (error) => {
        const failed = saveFailure(error, t);
        if (failed.kind === 'conflict') {
          setFailure(mt.conflict);
          void set.refetch();
        } else setFailure(failed.kind === 'issues' ? [...new Set(failed.issues.map((issue) => teamIssueText(issue, tm, rm)))].join(' ') : failed.text);
      },
    });
  }

  return (
    <FormDialog
      title={mt.title}
      intro={mt.text(name)}
      failure={failure}
      submit={mt.save}
      submitting={mt.saving}
      busy={save.isPending || !set.data || set.isFetching}
      cancel={m.cancel}
      onSubmit={submit}
      onClose={onClose}
      testId="user-teams"
    >
      {set.isPending ? (
        <LoadingState text={mt.loading} />
      ) : set.isError ? (
        <LoadFailed error={set.error} retry={() => void set.refetch()} />
      ) : (
        <>
          {managed.length ? <p className="field-hint">{mt.manages(managed.map((team) => team.name).join(', '))}</p> : null}
          <fieldset className="settings-options">
            <legend className="field-label">{mt.legend}</legend>
            {teams.length ? (
              <ul className="role-checks-list">
                {teams.map((team) => (
                  <li key={team.id}>
                    <label className="checkbox" htmlFor={`${id}-${team.id}`}>
                      <input
                        id={`${id}-${team.id}`}
                        type="checkbox"
                        checked={chosen.includes(team.id)}
                        onChange={(event) => setTicked(event.target.checked ? [...chosen, team.id] : chosen.filter((teamId) => teamId !== team.id))}
                        data-testid={`user-team-${team.id}`}
                      />
                      <span className="break">{team.name}</span>
                    </label>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{mt.none}</p>
            )}
          </fieldset>
          <p>
            <AppLink href="/settings/teams">{mt.page}</AppLink>
          </p>
        </>
      )}
    </FormDialog>
  );
}
