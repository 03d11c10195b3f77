// The static API tokens as a table (name, prefix, optional owner, created, last used, delete), with loading, error and
// empty states: Settings → Integrations shows a user's own tokens, Admin → MCP access everyone's.
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '~/components/QueryStatus';

export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  owner?: { displayName: string; email: string };
}

export function formatDateTime(iso: string | null, language: string, never: string) {
  if (!iso) return never;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

interface Props {
  query: { isLoading: boolean; error: unknown };
  tokens: TokenRow[];
  showOwner?: boolean;
  onDelete(token: { id: number; name: string }): void;
}

export function TokenTable({ query, tokens, showOwner = false, onDelete }: Props) {
  const { t, i18n } = useTranslation('integrations');
  return (
    <div className="relative mt-4 overflow-x-auto">
      <QueryStatus
        query={query}
        t={t}
        loadingText={t('tokens.loading')}
        emptyText={t('tokens.empty')}
        errorPrefix={t('tokens.loadError')}
        isEmpty={tokens.length === 0}
      >
        <table className="w-full text-start text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-slate-500">
              <th className="py-2 pe-3 text-start font-medium">{t('tokens.colName')}</th>
              <th className="py-2 pe-3 text-start font-medium">{t('tokens.colPrefix')}</th>
              {showOwner && <th className="py-2 pe-3 text-start font-medium">{t('tokens.colOwner')}</th>}
              <th className="py-2 pe-3 text-start font-medium">{t('tokens.colCreated')}</th>
              <th className="py-2 pe-3 text-start font-medium">{t('tokens.colLastUsed')}</th>
              <th className="py-2 text-end font-medium">
                <span className="sr-only">{t('tokens.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-b border-slate-100">
                <td className="py-2 pe-3">{token.name}</td>
                <td className="py-2 pe-3 font-mono">
                  <bdi dir="ltr">{token.prefix}…</bdi>
                </td>
                {showOwner && token.owner && (
                  <td className="py-2 pe-3">
                    {token.owner.displayName} <span className="text-slate-500">(<bdi>{token.owner.email}</bdi>)</span>
                  </td>
                )}
                <td className="whitespace-nowrap py-2 pe-3">{formatDateTime(token.createdAt, i18n.language, t('tokens.never'))}</td>
                <td className="whitespace-nowrap py-2 pe-3">{formatDateTime(token.lastUsedAt, i18n.language, t('tokens.never'))}</td>
                <td className="py-2 text-end">
                  <button
                    type="button"
                    onClick={() => onDelete({ id: token.id, name: token.name })}
                    className="rounded-md px-2 py-1 text-red-700 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-red-500"
                  >
                    {t('tokens.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryStatus>
    </div>
  );
}
