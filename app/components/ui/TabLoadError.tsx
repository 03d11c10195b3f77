// TabLoadError: a planner tab whose list could not be loaded — what went wrong and a "try again" button.
//   <TabLoadError error={list.error} t={t} onRetry={() => void list.refetch()} />
// The tab's namespace provides `loadError` (the heading) and `retry` (the button).
import { errorMessage } from '~/utils/trpc';
import { Button } from './Button';

export function TabLoadError({ error, t, onRetry }: { error: unknown; t: Parameters<typeof errorMessage>[1]; onRetry(): void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-white p-6 text-center">
      <p className="font-semibold text-slate-900">{t('loadError')}</p>
      <p className="mt-1 text-sm text-slate-600">{errorMessage(error, t)}</p>
      <Button variant="primary" className="mt-4" onClick={onRetry}>
        {t('retry')}
      </Button>
    </div>
  );
}
