// Settings → Notifications: one switch per kind of notification (on unless switched off).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Spinner } from '~/components/ui';

export function NotificationPreferences() {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notifications.getNotificationPreferences.queryOptions());
  const key = trpc.notifications.getNotificationPreferences.queryKey();
  const save = useMutation(
    trpc.notifications.setNotificationPreference.mutationOptions({
      onSuccess: ({ preference }) =>
        queryClient.setQueryData(key, (old) =>
          old ? { preferences: old.preferences.map((p) => (p.type === preference.type ? { ...p, enabled: preference.enabled } : p)) } : old,
        ),
    }),
  );
  return (
    <section aria-labelledby="notification-prefs" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="notification-prefs" className="text-lg font-semibold text-slate-900">
        {t('settings.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('settings.intro')}</p>
      {prefs.isLoading && <Spinner label={t('common:loading')} />}
      {(prefs.error || save.error) && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(prefs.error ?? save.error, t)}
        </p>
      )}
      {prefs.data && (
        <ul className="mt-4 divide-y divide-slate-100" data-testid="notification-preferences">
          {prefs.data.preferences.map((p) => (
            <li key={p.type} className="py-2">
              <label className="flex items-center justify-between gap-4 text-sm text-slate-800">
                <span>{t(`types.${p.type}.label`)}</span>
                <input
                  type="checkbox"
                  className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus-visible:ring-2 focus-visible:ring-indigo-500"
                  checked={p.enabled}
                  disabled={save.isPending}
                  onChange={(e) => save.mutate({ type: p.type, enabled: e.target.checked })}
                  data-testid={`notification-pref-${p.type}`}
                />
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
