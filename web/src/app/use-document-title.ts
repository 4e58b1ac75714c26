import { useEffect } from 'react';
import { useAppConfig } from '../config/use-config';
import { useI18n } from '../i18n/use-i18n';

/** "Page · Client · CRM" in the tab, so tabs and history entries are recognisable. */
export function useDocumentTitle(page: string | undefined): void {
  const { displayName } = useAppConfig();
  const { t } = useI18n();
  useEffect(() => {
    document.title = [page, displayName, t.app.productName].filter(Boolean).join(' · ');
  }, [page, displayName, t]);
}
