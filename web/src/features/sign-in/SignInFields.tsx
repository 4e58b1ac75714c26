import { useI18n } from '../../i18n/use-i18n';
import { Field } from '../../ui/Field';

/**
 * The fields the sign-in steps share: the email (signing in, asking for a reset code) and a new
 * password typed twice with the rules under it (the first sign-in, a reset). Each input's id is
 * its test id.
 */
export function EmailField({ id, value, onChange, error, autoFocus = false }: { id: string; value: string; onChange: (value: string) => void; error: string | undefined; autoFocus?: boolean }) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t.signIn.email} error={error} required>
      {(aria) => (
        <input
          {...aria}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoFocus={autoFocus}
          data-testid={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

interface NewPasswordFieldsProps {
  /** `signin` → `signin-new-password`, `signin-confirm-password`. */
  idPrefix: string;
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: { password?: string | undefined; confirm?: string | undefined };
  autoFocus?: boolean;
}

export function NewPasswordFields({ idPrefix, password, confirm, onPassword, onConfirm, errors, autoFocus = false }: NewPasswordFieldsProps) {
  const { t } = useI18n();
  const input = (id: string, value: string, onChange: (value: string) => void, focus: boolean) => (aria: Parameters<Parameters<typeof Field>[0]['children']>[0]) => (
    <input {...aria} type="password" name={id.slice(idPrefix.length + 1)} autoComplete="new-password" autoFocus={focus} data-testid={id} value={value} onChange={(event) => onChange(event.target.value)} />
  );
  return (
    <>
      <Field id={`${idPrefix}-new-password`} label={t.signIn.newPassword} error={errors.password} hint={t.signIn.passwordRules} required>
        {input(`${idPrefix}-new-password`, password, onPassword, autoFocus)}
      </Field>
      <Field id={`${idPrefix}-confirm-password`} label={t.signIn.confirmPassword} error={errors.confirm} required>
        {input(`${idPrefix}-confirm-password`, confirm, onConfirm, false)}
      </Field>
    </>
  );
}
