import { useI18n } from '../../i18n/use-i18n';
import type { ResetFailure } from './password-reset';

/**
 * Words of the forgotten-password screens (loaded with them, not with the sign-in page); the
 * fields they share with sign-in are named by its words. Russian defines the shape; English is
 * checked against it.
 */
const ru = {
  requestTitle: 'Восстановление пароля',
  requestText: 'Укажите эл. почту, с которой входите в CRM: мы пришлём на неё код для смены пароля.',
  sendCode: 'Отправить код',
  sending: 'Отправляем…',
  confirmTitle: 'Новый пароль',
  codeSent: (email: string) => `Если адрес ${email} зарегистрирован, мы отправили на него письмо с кодом. Введите код и придумайте новый пароль.`,
  code: 'Код из письма',
  codeHint: 'Письмо может прийти не сразу — проверьте и папку «Спам». Код действует ограниченное время.',
  submit: 'Сменить пароль',
  submitting: 'Меняем пароль…',
  resend: 'Отправить код ещё раз',
  resent: 'Новый код отправлен, если адрес зарегистрирован. Предыдущий код больше не действует.',
  otherEmail: 'Указать другую почту',
  back: 'Вернуться ко входу',
  codeRequired: 'Введите код из письма.',
  failures: {
    codeMismatch: 'Код не подходит. Проверьте его в последнем письме и введите снова.',
    expiredCode: 'Срок действия кода истёк. Запросите новый код.',
    invalidPassword: 'Пароль не подходит под правила безопасности: не короче 12 символов, строчные и заглавные буквы, цифра и спецсимвол.',
    tooManyAttempts: 'Слишком много попыток. Подождите немного и попробуйте снова.',
    cannotReset:
      'Сменить пароль сейчас нельзя. Если вы ещё ни разу не входили, войдите с временным паролем из письма-приглашения или попросите администратора отправить приглашение ещё раз.',
    network: 'Нет связи с сервером входа. Проверьте подключение и попробуйте снова.',
    failed: 'Не удалось сменить пароль. Попробуйте ещё раз.',
  } satisfies Record<ResetFailure, string>,
};

export type PasswordResetMessages = typeof ru;

const en: PasswordResetMessages = {
  requestTitle: 'Reset your password',
  requestText: 'Enter the email you sign in to the CRM with: we will send a code to change your password to it.',
  sendCode: 'Send code',
  sending: 'Sending…',
  confirmTitle: 'New password',
  codeSent: (email) => `If ${email} is registered, we have sent an email with a code to it. Enter the code and choose a new password.`,
  code: 'Code from the email',
  codeHint: 'The email may take a little while — check your spam folder too. The code is valid for a limited time.',
  submit: 'Change password',
  submitting: 'Changing the password…',
  resend: 'Send the code again',
  resent: 'A new code has been sent if the address is registered. The previous code no longer works.',
  otherEmail: 'Use another email',
  back: 'Back to sign-in',
  codeRequired: 'Enter the code from the email.',
  failures: {
    codeMismatch: 'The code is not right. Check it in the latest email and enter it again.',
    expiredCode: 'The code has expired. Ask for a new one.',
    invalidPassword: 'The password does not meet the security rules: at least 12 characters, with lower- and upper-case letters, a digit and a symbol.',
    tooManyAttempts: 'Too many attempts. Wait a little and try again.',
    cannotReset: 'The password cannot be changed now. If you have never signed in, use the temporary password from your invitation email, or ask your administrator to send the invitation again.',
    network: 'The sign-in service cannot be reached. Check your connection and try again.',
    failed: 'The password could not be changed. Please try again.',
  },
};

export const passwordResetMessages = { ru, en } satisfies Record<'ru' | 'en', PasswordResetMessages>;

export function usePasswordResetMessages(): PasswordResetMessages {
  const { locale } = useI18n();
  return passwordResetMessages[locale];
}
