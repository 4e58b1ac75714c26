import { useId, useState } from 'react';
import type { UserSummary } from '@shared/api/contracts';
import { roles } from '@shared/auth/roles';
import { useI18n } from '../../../i18n/use-i18n';
import { Field } from '../../../ui/Field';
import { focusFirstInvalid, FormDialog } from '../../../ui/FormDialog';
import { AccountPicker } from '../../../records/parts/AccountPicker';
import { useTeamSet } from '../teams/use-teams';
import { RoleChecks } from './RoleChecks';
import { emptyInvite, inviteBody, inviteFields, inviteIssueKind, inviteProblems, needsAccount, offersTeam, type InviteField, type InviteValues } from './user-admin';
import { useRefusalText } from './use-refusal-text';
import { useInviteUser } from './use-user-admin';
import { useUsersMessages } from './users-messages';
import '../../../styles/accounts-contacts.css';

type InviteErrors = Partial<Record<InviteField, string>>;

/**
 * Inviting a user (ACC-5): email, name, roles, a team for staff, the client's company for a portal
 * user. What the dialog can check it checks first; the API's refusals land on their fields.
 */
export function InviteUserDialog({ onClose, onInvited }: { onClose: () => void; onInvited: (user: UserSummary, email: string) => void }) {
  const m = useUsersMessages();
  const refusalText = useRefusalText();
  const { locale } = useI18n();
  const id = useId();
  const invite = useInviteUser();
  const teams = useTeamSet();
  const [values, setValues] = useState<InviteValues>(emptyInvite);
  const [errors, setErrors] = useState<InviteErrors>({});
  const [failure, setFailure] = useState<string>();
  const mi = m.invite;

  function change(patch: Partial<InviteValues>, ...fields: InviteField[]) {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field as InviteField))));
  }

  function submit() {
    const found: InviteErrors = Object.fromEntries(Object.entries(inviteProblems(values)).map(([field, problem]) => [field, mi.problems[problem]]));
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return focusFirstInvalid();
    const body = inviteBody(values);
    invite.mutate(body, {
      onSuccess: (user) => onInvited(user, body.email),
      onError: (error) => {
        const said = refusalText(error, inviteFields, mi.fixErrors, {
          conflictField: 'email',
          fieldText: (field, issue, status) => {
            const kind = inviteIssueKind(field, issue, status);
            return kind === 'accountRequired' ? mi.problems.accountRequired : kind ? mi[kind] : undefined;
          },
        });
        setErrors(said.fields);
        setFailure(said.failure);
        focusFirstInvalid();
      },
    });
  }

  const teamList = [...(teams.data?.teams ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <FormDialog
      title={mi.title}
      intro={mi.text}
      failure={failure}
      submit={mi.submit}
      submitting={mi.submitting}
      busy={invite.isPending}
      cancel={m.cancel}
      onSubmit={submit}
      onClose={onClose}
      testId="user-invite"
      className="users-role-form"
    >
      <div className="form-grid form-grid-2">
        <Field id={`${id}-email`} label={mi.email} error={errors.email} required>
          {(aria) => (
            <input
              {...aria}
              type="email"
              inputMode="email"
              autoComplete="off"
              maxLength={254}
              autoFocus
              value={values.email}
              onChange={(event) => change({ email: event.target.value }, 'email')}
              data-testid="user-invite-email"
            />
          )}
        </Field>
        <Field id={`${id}-name`} label={mi.name} error={errors.name} hint={mi.nameHint}>
          {(aria) => (
            <input {...aria} type="text" autoComplete="off" maxLength={200} value={values.name} onChange={(event) => change({ name: event.target.value }, 'name')} data-testid="user-invite-name" />
          )}
        </Field>
      </div>
      <RoleChecks
        legend={mi.roles}
        choices={roles}
        value={values.roles}
        onChange={(chosen) => change({ roles: chosen }, 'roles', ...(needsAccount(chosen) ? [] : (['accountId'] as const)))}
        error={errors.roles}
        testId="user-invite-roles"
      />
      {offersTeam(values.roles) ? (
        <Field id={`${id}-team`} label={mi.team} error={errors.teamId} hint={teams.isError ? mi.teamsFailed : teams.isPending ? mi.teamsLoading : mi.teamHint}>
          {(aria) => (
            <select {...aria} value={values.teamId} disabled={!teams.data} onChange={(event) => change({ teamId: event.target.value }, 'teamId')} data-testid="user-invite-team">
              <option value="">{mi.noTeam}</option>
              {teamList.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {needsAccount(values.roles) ? (
        <>
          <AccountPicker label={mi.account} value={values.account} onChange={(account) => change({ account }, 'accountId')} error={errors.accountId} testId="user-invite-account" />
          <p className="field-hint users-account-hint">{mi.accountHint}</p>
        </>
      ) : null}
    </FormDialog>
  );
}
