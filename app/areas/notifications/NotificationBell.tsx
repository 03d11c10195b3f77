// The bell in the header: the unread count (kept live over the user's private channel) and, on click, the inbox with
// mark read / unread per notification and "mark all read". Escape or a click outside closes it.
import { useContext, useEffect, useId, useRef, useState } from 'react';
import { Link } from '@remix-run/react';
import { QueryClientContext, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { useUserRealtime } from '~/realtime/client';
import { Button, Spinner } from '~/components/ui';

function timeAgo(iso: string, language: string) {
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

export function NotificationBell() {
  // The root error page is drawn outside the app's data providers: no bell there.
  return useContext(QueryClientContext) ? <Bell /> : null;
}

function Bell() {
  const { t, i18n } = useTranslation('notifications');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The one subscription to the user's private channel on every signed-in page (the bell is in the shell): it keeps
  // every per-user view live (trip list, Atlas, Vacay, notifications). Pages do not subscribe again.
  useUserRealtime();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = useQuery(trpc.notifications.getUnreadNotificationCount.queryOptions());
  const list = useQuery({ ...trpc.notifications.listNotifications.queryOptions({ limit: 20 }), enabled: open });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.listNotifications.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.getUnreadNotificationCount.pathKey() });
  };
  const markRead = useMutation(trpc.notifications.markNotificationRead.mutationOptions({ onSuccess: refresh }));
  const markUnread = useMutation(trpc.notifications.markNotificationUnread.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllNotificationsRead.mutationOptions({ onSuccess: refresh }));

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const count = unread.data?.count ?? 0;
  const items = list.data?.notifications ?? [];
  const failure = markRead.error ?? markUnread.error ?? markAll.error ?? list.error;
  return (
    <div className="relative" ref={root}>
      <button
        ref={button}
        type="button"
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        aria-label={t('bell.label', { count })}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="notification-bell"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
          <path d="M10 2a5 5 0 0 0-5 5v2.59l-1.7 2.55A1 1 0 0 0 4.13 14h11.74a1 1 0 0 0 .83-1.56L15 9.59V7a5 5 0 0 0-5-5Zm-2 13a2 2 0 0 0 4 0H8Z" />
        </svg>
        {count > 0 && (
          <span
            className="absolute -end-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[0.65rem] font-semibold leading-[1.1rem] text-white"
            data-testid="notification-count"
          >
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={t('bell.title')}
          className="absolute end-0 z-40 mt-2 w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white shadow-lg"
          data-testid="notification-panel"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold text-slate-900">{t('bell.title')}</h2>
            <Button size="sm" variant="ghost" disabled={count === 0} busy={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notification-mark-all">
              {t('bell.markAll')}
            </Button>
          </div>
          {list.isLoading && (
            <div className="p-3">
              <Spinner label={t('common:loading')} />
            </div>
          )}
          {failure && (
            <p role="alert" className="px-3 py-2 text-sm text-red-700">
              {errorMessage(failure, t)}
            </p>
          )}
          {list.data && items.length === 0 && <p className="px-3 py-6 text-center text-sm text-slate-500">{t('bell.empty')}</p>}
          {items.length > 0 && (
            <ul className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto" data-testid="notification-list">
              {items.map((n) => (
                <li key={n.id} className={`flex items-start gap-2 px-3 py-2 ${n.read ? '' : 'bg-indigo-50/60'}`} data-testid="notification-item" data-read={n.read}>
                  <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.read ? 'bg-transparent' : 'bg-indigo-600'}`} />
                  <div className="min-w-0 flex-1">
                    {n.link ? (
                      <Link
                        to={n.link}
                        className="text-sm text-slate-900 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                        onClick={() => {
                          if (!n.read) markRead.mutate({ notificationId: n.id });
                          setOpen(false);
                        }}
                      >
                        {n.text}
                      </Link>
                    ) : (
                      <p className="text-sm text-slate-900">{n.text}</p>
                    )}
                    <p className="text-xs text-slate-500">
                      {timeAgo(n.updatedAt, i18n.language)}
                      {!n.read && <span className="sr-only"> · {t('bell.unread')}</span>}
                    </p>
                  </div>
                  <button
                    type="button"
                    className="shrink-0 rounded px-1.5 py-0.5 text-xs text-indigo-700 hover:bg-indigo-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                    onClick={() => (n.read ? markUnread.mutate({ notificationId: n.id }) : markRead.mutate({ notificationId: n.id }))}
                    data-testid="notification-toggle"
                  >
                    {n.read ? t('bell.markUnread') : t('bell.markRead')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 px-3 py-2 text-end">
            <Link to="/settings/notifications" className="text-xs text-indigo-700 hover:underline" onClick={() => setOpen(false)}>
              {t('bell.settings')}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
