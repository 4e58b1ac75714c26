import { useBlocker } from '@tanstack/react-router';
import { ConfirmDialog } from './ConfirmDialog';
import { useSettingsMessages } from './settings-messages';

/**
 * Unsaved settings are not lost by a stray click: leaving the page (another tab of record types,
 * another section, a link in the header) asks first; closing or reloading the browser tab gets
 * the browser's own question.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const m = useSettingsMessages();
  const blocker = useBlocker({ shouldBlockFn: () => dirty, enableBeforeUnload: () => dirty, withResolver: true });
  return (
    <ConfirmDialog
      open={blocker.status === 'blocked'}
      title={m.common.leaveTitle}
      text={m.common.leaveText}
      confirm={m.common.leave}
      cancel={m.common.stay}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
      testId="settings-leave"
    />
  );
}
