// Settings → Profile → "Your data": downloads everything the account owns or wrote as a JSON file (the first step
// before deleting an account).
import { useTranslation } from 'react-i18next';
import { buttonClasses } from '~/components/ui/Button';

export function ExportData() {
  const { t } = useTranslation('account');
  return (
    <section aria-labelledby="export-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="export-heading" className="text-lg font-semibold text-slate-900">
        {t('export.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('export.intro')}</p>
      <a href="/api/account/export" download className={`mt-4 ${buttonClasses('secondary', 'md')}`} data-testid="export-data">
        {t('export.download')}
      </a>
    </section>
  );
}
