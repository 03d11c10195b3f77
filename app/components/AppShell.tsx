// The frame around every signed-in page: top bar with navigation and the account menu.
import { Form, Link, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRootData } from '~/root';
import { NotificationBell } from '~/areas/notifications/NotificationBell';

export function AppShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation('common');
  const data = useRootData();
  const user = data?.user;
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100'}`;
  return (
    <div className="flex min-h-full flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className={`mx-auto flex min-h-14 flex-wrap items-center gap-x-2 px-4 ${wide ? '' : 'max-w-6xl'}`}>
          <Link to="/" className="me-4 flex items-center gap-2 rounded-md text-lg font-semibold text-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
            <span aria-hidden>◆</span> {t('appName')}
          </Link>
          {user && (
            <nav
              className="order-last -mx-1 flex w-full items-center gap-1 overflow-x-auto pb-2 sm:order-none sm:mx-0 sm:w-auto sm:pb-0"
              aria-label={t('nav.main')}
            >
              <NavLink to="/" end className={navClass}>
                {t('nav.trips')}
              </NavLink>
              {data?.addons?.atlas && <NavLink to="/atlas" className={navClass}>{t('atlas:nav')}</NavLink>}
              {data?.addons?.vacay && <NavLink to="/vacay" className={navClass}>{t('vacay:nav')}</NavLink>}
              {data?.addons?.journey && <NavLink to="/journey" className={navClass}>{t('journey:nav')}</NavLink>}
              <NavLink to="/settings" className={navClass}>
                {t('nav.settings')}
              </NavLink>
              {user.isAdmin && (
                <NavLink to="/admin" className={navClass}>
                  {t('nav.admin')}
                </NavLink>
              )}
            </nav>
          )}
          <div className="ms-auto flex items-center gap-3">
            {user && (
              <>
                <NotificationBell />
                <span className="hidden text-sm text-slate-600 sm:inline" data-testid="current-user">
                  {user.displayName}
                </span>
                <Form method="post" action="/logout">
                  <button type="submit" className="whitespace-nowrap rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
                    {t('nav.logout')}
                  </button>
                </Form>
              </>
            )}
          </div>
        </div>
      </header>
      <main className={`mx-auto w-full flex-1 px-4 py-6 ${wide ? '' : 'max-w-6xl'}`}>{children}</main>
    </div>
  );
}
