import { useId, useState, type InputHTMLAttributes } from 'react';
import type { UserSummary } from '@shared/api/contracts';
import { Field, type ControlAria } from '../../../ui/Field';
import { userLabel } from '../../../api/use-users';
import { memberKey, type TeamErrors } from './team-issues';
import { isStaff, memberChoices, teamWarnings } from './team-insights';
import { maxMembers, toggledMember, type TeamDraft } from './team-draft';
import { useTeamsMessages } from './teams-messages';
import { useUserLabels } from './use-user-labels';

/**
 * One team: its name and code, its manager, its members (a checklist of the directory with a
 * filter, each with their roles), what the admin should know about it, and its errors where they
 * belong. Read-only, it shows the same as text.
 */
interface TeamCardProps {
  draft: TeamDraft;
  users: readonly UserSummary[];
  errors: TeamErrors;
  canEdit: boolean;
  focus: boolean;
  onChange: (patch: Partial<Omit<TeamDraft, 'uid' | 'saved'>>) => void;
  onRemove: () => void;
}

export function TeamCard({ draft, users, errors, canEdit, focus, onChange, onRemove }: TeamCardProps) {
  const m = useTeamsMessages();
  const id = useId();
  const name = useUserLabels(users);
  const title = draft.name.trim() || m.newTeam;
  const manager = users.find((user) => user.id === draft.managerId);
  const managers = users.filter((user) => isStaff(user) || user.id === draft.managerId);
  const textInput = (prop: 'name' | 'id', props: InputHTMLAttributes<HTMLInputElement>) => (aria: ControlAria) => (
    <input {...aria} {...props} type="text" value={draft[prop]} data-testid={`team-${prop}`} />
  );

  return (
    <article className={Object.keys(errors).length ? 'teams-card teams-card-invalid' : 'teams-card'} aria-label={title} data-testid="team-card" data-team-id={draft.id}>
      {canEdit ? (
        <div className="teams-card-edit">
          <Field id={`${id}-name`} label={m.name} required error={errors.name} className="teams-card-name">
            {/* A team just added takes the focus, so its name is typed at once. */}
            {textInput('name', { maxLength: 100, placeholder: m.newTeam, autoFocus: focus, onChange: (e) => onChange({ name: e.target.value }) })}
          </Field>
          <Field id={`${id}-code`} label={m.id} required error={errors.id} hint={draft.saved ? undefined : m.idHintNew} className="teams-card-id">
            {textInput('id', {
              className: 'settings-code-input',
              maxLength: 40,
              spellCheck: false,
              readOnly: draft.saved,
              onChange: (e) => onChange({ id: e.target.value.trim().toLowerCase(), idTouched: true }),
            })}
          </Field>
          <button type="button" className="button button-small teams-remove" aria-label={m.removeOf(title)} onClick={onRemove} data-testid="team-remove">
            {m.remove}
          </button>
        </div>
      ) : (
        <header className="teams-card-head">
          <h2 className="teams-card-title break" data-testid="team-name">
            {draft.name}
          </h2>
          <code className="settings-code" title={m.id}>
            {draft.id}
          </code>
        </header>
      )}
      {errorText(errors[''])}

      {canEdit ? (
        <Field id={`${id}-manager`} label={m.manager} required error={errors.managerId} className="teams-manager">
          {(aria) => (
            <select {...aria} value={draft.managerId} onChange={(e) => onChange({ managerId: e.target.value })} data-testid="team-manager">
              {draft.managerId ? null : <option value="">{m.noManager}</option>}
              {draft.managerId && !manager ? <option value={draft.managerId}>{m.unknownUser(draft.managerId)}</option> : null}
              {managers.map((user) => (
                <option key={user.id} value={user.id}>
                  {userLabel(user)} · {name.roles(user)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="teams-manager" data-testid="team-manager">
          <span className="field-label">{m.manager}</span>
          {draft.managerId ? name.of(draft.managerId) : m.noManager}
          {manager ? <span className="cell-sub">{name.roles(manager)}</span> : null}
        </p>
      )}

      <TeamWarnings draft={draft} users={users} nameOf={name.of} />

      {canEdit ? (
        <MemberChecklist draft={draft} users={users} errors={errors} title={title} onChange={(memberIds) => onChange({ memberIds })} />
      ) : (
        <MemberList draft={draft} users={users} />
      )}
    </article>
  );
}

function TeamWarnings({ draft, users, nameOf }: { draft: TeamDraft; users: readonly UserSummary[]; nameOf: (id: string) => string }) {
  const m = useTeamsMessages();
  const warnings = teamWarnings(draft, users);
  if (warnings.length === 0) return null;
  return (
    <ul className="teams-warnings" data-testid="team-warnings">
      {warnings.map((warning) => (
        <li key={warning} className="teams-warning" data-warning={warning}>
          {m.warnings[warning](nameOf(draft.managerId))}
        </li>
      ))}
    </ul>
  );
}

function MemberChecklist({ draft, users, errors, title, onChange }: { draft: TeamDraft; users: readonly UserSummary[]; errors: TeamErrors; title: string; onChange: (memberIds: string[]) => void }) {
  const m = useTeamsMessages();
  const name = useUserLabels(users);
  const id = useId();
  const [filter, setFilter] = useState('');
  const choices = memberChoices(users, draft.memberIds, filter, name.roleName);
  const full = draft.memberIds.length >= maxMembers;
  const memberErrors = Object.entries(errors).filter(([key]) => key.startsWith('member:'));

  const row = (userId: string, label: string, roles: string) => {
    const checked = draft.memberIds.includes(userId);
    const text = errors[memberKey(userId)];
    return (
      <li key={userId} className={text ? 'teams-check field-invalid' : 'teams-check'}>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={checked}
            disabled={!checked && full}
            onChange={(e) => onChange(toggledMember(draft.memberIds, userId, e.target.checked))}
            aria-invalid={Boolean(text)}
            data-testid={`team-member-${userId}`}
          />
          <span>
            <span className="break">{label}</span>
            <span className="cell-sub">{roles}</span>
          </span>
        </label>
        {text ? <p className="field-error">{text}</p> : null}
      </li>
    );
  };

  return (
    <fieldset className={errors.memberIds || memberErrors.length ? 'teams-members field-invalid' : 'teams-members'}>
      <legend className="field-label">
        {m.members} <span className="muted">({m.membersCount(draft.memberIds.length)})</span>
        <span className="visually-hidden">: {title}</span>
      </legend>
      <p className="teams-member-names muted">{draft.memberIds.length ? draft.memberIds.map(name.of).join(', ') : m.noMembers}</p>
      <label className="visually-hidden" htmlFor={`${id}-filter`}>
        {m.filter}
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        className="settings-input teams-filter"
        value={filter}
        placeholder={m.filterPlaceholder}
        onChange={(e) => setFilter(e.target.value)}
        data-testid="team-member-filter"
      />
      <ul className="teams-checklist" aria-label={m.membersOf(title)}>
        {choices.unknownIds.map((userId) => row(userId, m.unknownUser(userId), ''))}
        {choices.users.map((user) => row(user.id, userLabel(user), name.roles(user)))}
        {choices.users.length + choices.unknownIds.length === 0 ? <li className="muted">{m.nothingFound}</li> : null}
      </ul>
      {errorText(errors.memberIds)}
      {/* A member's error stays in sight even when the filter hides the member. */}
      {memberErrors
        .filter(([key]) => !choices.users.some((user) => memberKey(user.id) === key) && !choices.unknownIds.some((userId) => memberKey(userId) === key))
        .map(([key, text]) => (
          <p key={key} className="field-error">
            {name.of(key.slice('member:'.length))}: {text}
          </p>
        ))}
    </fieldset>
  );
}

const errorText = (text: string | undefined) => (text ? <p className="field-error">{text}</p> : null);

function MemberList({ draft, users }: { draft: TeamDraft; users: readonly UserSummary[] }) {
  const m = useTeamsMessages();
  const name = useUserLabels(users);
  return (
    <div className="teams-members">
      <h3 className="field-label">
        {m.members} <span className="muted">({m.membersCount(draft.memberIds.length)})</span>
      </h3>
      {draft.memberIds.length === 0 ? (
        <p className="muted">{m.noMembers}</p>
      ) : (
        <ul className="teams-member-list">
          {draft.memberIds.map((userId) => {
            const user = users.find((u) => u.id === userId);
            return (
              <li key={userId} data-testid={`team-member-${userId}`}>
                <span className="break">{name.of(userId)}</span>
                {user ? <span className="cell-sub">{name.roles(user)}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
