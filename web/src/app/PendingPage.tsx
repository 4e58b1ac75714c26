import { useI18n } from '../i18n/use-i18n';
import { LoadingState } from '../ui/LoadingState';

/** What a route shows while its page's code is loading. */
export function PendingPage() {
  const { t } = useI18n();
  return <LoadingState text={t.app.loadingPage} />;
}
