import { useState } from 'react';
import type { UserSummary } from '@shared/api/contracts';
import { isRole, roles, type Role } from '@shared/auth/roles';
import { focusFirstInvalid, FormDialog } from '../../../ui/FormDialog';
import { userLabel } from '../../../api/use-users';
import { RoleChecks } from './RoleChecks';
import { rolesProblem } from './user-admin';
import { useRefusalText } from './use-refusal-text';
import { useSetRoles } from './use-user-admin';
import { useUsersMessages } from './users-messages';

/**
 * Replacing a user's roles (ACC-5): the checkboxes as they are now, saved whole; the change applies
 * from the user's next request. An admin cannot take away their own admin role (checked here and
 * by the API).
 */
export function RolesDialog({ user, isMe, onClose, onSaved }: { user: UserSummary; isMe: boolean; onClose: () => void; onSaved: () => void }) {
  const m = useUsersMessages();
  const refusalText = useRefusalText();
  const setRoles = useSetRoles();
  const [chosen, setChosen] = useState<Role[]>(() => roles.filter((role) => user.roles.includes(role)));
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const mr = m.roles;
  // Roles the app does not know (a group added by hand) are kept as they are.
  const unknown = user.roles.filter((role) => !isRole(role));

  function submit() {
    const problem = rolesProblem(user, chosen, isMe);
    setError(problem ? mr.problems[problem] : undefined);
    setFailure(undefined);
    if (problem) return focusFirstInvalid();
    setRoles.mutate(
      { userId: user.id, roles: [...chosen, ...unknown] },
      {
        onSuccess: onSaved,
        onError: (failed) => {
          // 422 on the roles: the admin's own admin role.
          const said = refusalText(failed, ['roles'] as const, '', { fieldText: (_field, _issue, status) => (status === 422 ? mr.problems.ownAdmin : undefined) });
          setError(said.fields.roles);
          setFailure(said.failure);
          focusFirstInvalid();
        },
      },
    );
  }

  return (
    <FormDialog
      title={mr.title}
      intro={mr.text(userLabel(user))}
      failure={failure}
      submit={mr.save}
      submitting={mr.saving}
      busy={setRoles.isPending}
      cancel={m.cancel}
      onSubmit={submit}
      onClose={onClose}
      testId="user-roles"
      className="users-role-form"
    >
      <RoleChecks
        legend={m.invite.roles}
        choices={roles}
        value={chosen}
        onChange={(next) => {
          setChosen(next);
          setError(undefined);
        }}
        error={error}
        testId="user-roles-checks"
      />
    </FormDialog>
  );
}
