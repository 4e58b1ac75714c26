import { useId } from 'react';
import type { Role } from '@shared/auth/roles';
import { toggledRole } from './user-admin';
import { useRoleName } from './use-role-names';
import { useUsersMessages } from './users-messages';
import '../../../styles/settings.css';
import './users.css';

/**
 * Roles to tick: each checkbox named by the role in words (its one-line description read with
 * it), required, with the error under the group. Used to invite, to change roles and to ask for them.
 */
interface RoleChecksProps {
  legend: string;
  choices: readonly Role[];
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
  testId: string;
}

export function RoleChecks({ legend, choices, value, onChange, error, testId }: RoleChecksProps) {
  const m = useUsersMessages();
  const roleName = useRoleName();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'settings-options field-invalid' : 'settings-options'} aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend className="field-label">
        {legend}
        <span className="field-required" aria-hidden="true">
          {' '}*
        </span>
      </legend>
      <ul className="role-checks-list">
        {choices.map((role) => (
          <li key={role}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={value.includes(role)}
                onChange={(event) => onChange(toggledRole(value, role, event.target.checked))}
                aria-invalid={Boolean(error)}
                aria-describedby={`${id}-${role}`}
                data-testid={`${testId}-${role}`}
              />
              <span>{roleName(role)}</span>
            </label>
            <span className="field-hint role-checks-hint" id={`${id}-${role}`}>
              {m.roleHints[role]}
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
