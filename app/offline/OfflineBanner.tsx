// The strip under the page header while the server cannot be reached: says that what is shown was saved on this
// device (and how many changes wait to be sent). A polite live region, so screen readers announce it once.
import { useTranslation } from 'react-i18next';
import type { NetworkStatus } from './network-status';

export function OfflineBanner({ status, queued }: { status: NetworkStatus; queued: number }) {
  const { t } = useTranslation('offline');
  const show = status !== 'online';
  return (
    <div role="status" aria-live="polite" data-testid="offline-banner-region">
      {show ? (
        <div
          className="pointer-events-auto mx-auto flex max-w-xl flex-wrap items-center justify-center gap-x-3 gap-y-1 rounded-xl bg-slate-900 px-4 py-2 text-center text-sm text-white shadow-lg"
          data-testid="offline-banner"
        >
          <span>{status === 'offline' ? t('banner.offline') : t('banner.unreachable')}</span>
          {queued > 0 ? <span className="font-semibold">{t('banner.queued', { count: queued })}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
