// Scope chips for client lists and grant lists.
import { useTranslation } from 'react-i18next';

export function ScopeBadges({ scopes }: { scopes: readonly string[] }) {
  const { t } = useTranslation('oauth');
  if (scopes.length === 0) return <span className="text-xs text-slate-500">{t('scopes.none')}</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t('scopes.label')}>
      {scopes.map((s) => (
        <li key={s} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {s}
        </li>
      ))}
    </ul>
  );
}
