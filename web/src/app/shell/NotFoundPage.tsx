import { Link } from '@tanstack/react-router';
import { useDocumentTitle } from '../use-document-title';
import { useI18n } from '../../i18n/use-i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.app.notFoundTitle);
  return (
    <section className="page page-narrow">
      <h1>{t.app.notFoundTitle}</h1>
      <p>{t.app.notFoundText}</p>
      <Link to="/leads" className="button">
        {t.nav.leads}
      </Link>
    </section>
  );
}
