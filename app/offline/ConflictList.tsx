// Offline changes the server could not apply ("Your change to “socks” could not be applied: it was deleted in the
// meantime.", "Ana changed “Passport” while you were offline; …"), until the user dismisses them. Announced politely; buttons reachable by keyboard; mirrors in RTL.
import { useTranslation } from 'react-i18next';
import type { Conflict } from './queue';

export function ConflictList({
  conflicts,
  onDismiss,
  onApplyMine,
}: {
  conflicts: Conflict[];
  onDismiss: (id?: string) => void;
  onApplyMine: (conflict: Conflict) => Promise<void>;
}) {
  const { t } = useTranslation('offline');
  if (conflicts.length === 0) return null;
  return (
    <section
      aria-labelledby="offline-conflicts-heading"
      aria-live="polite"
      className="pointer-events-auto mx-auto w-full max-w-xl rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 shadow-lg"
      data-testid="offline-conflicts"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="offline-conflicts-heading" className="font-semibold">
          {t('conflicts.heading')}
        </h2>
        {conflicts.length > 1 ? (
          <button type="button" onClick={() => onDismiss()} className="rounded px-2 py-1 font-medium text-amber-900 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600">
            {t('conflicts.dismissAll')}
          </button>
        ) : null}
      </div>
      <ul className="mt-2 space-y-2">
        {conflicts.map((conflict) => (
          <li key={conflict.id} className="flex items-start justify-between gap-3" data-testid="offline-conflict">
            <span>
              <span className="sr-only">{t(conflict.list === 'packing' ? 'conflicts.packingItem' : 'conflicts.todo')}: </span>
              {conflict.reason === 'changed'
                ? t(`conflicts.${conflict.retry?.delete ? 'deletion' : 'changed'}${conflict.by ? 'By' : ''}`, { name: conflict.name, by: conflict.by })
                : t('conflicts.item', {
                    name: conflict.name,
                    reason: conflict.reason === 'deleted' ? t('conflicts.deleted') : t('conflicts.refused', { message: conflict.message ?? '' }),
                  })}
            </span>
            {conflict.reason === 'changed' && conflict.retry ? (
              <span className="flex shrink-0 flex-wrap gap-1">
                <ConflictButton onClick={() => void onApplyMine(conflict)}>{t(conflict.retry.delete ? 'conflicts.deleteAnyway' : 'conflicts.applyMine')}</ConflictButton>
                <ConflictButton onClick={() => onDismiss(conflict.id)}>{t(conflict.retry.delete ? 'conflicts.keepIt' : 'conflicts.discard')}</ConflictButton>
              </span>
            ) : (
              <ConflictButton onClick={() => onDismiss(conflict.id)}>{t('conflicts.dismiss')}</ConflictButton>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConflictButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="shrink-0 rounded px-2 py-1 font-medium text-amber-900 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600"
    >
      {children}
    </button>
  );
}
