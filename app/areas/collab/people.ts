// Who is looking at the Collab tab: the signed-in user from the root loader (area components must not import ~/root).
import { useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '~/domain/display-format';
import { useDisplay } from '~/utils/display';

export function useMe(): { id: number; username: string; displayName: string } | null {
  return (useRouteLoaderData('root') as { user?: { id: number; username: string; displayName: string } | null } | undefined)?.user ?? null;
}

/** "2 Dec 2026, 14:05" in the user's language and on their clock (12/24-hour). */
export function useFormatWhen() {
  const { i18n } = useTranslation();
  const { timeFormat } = useDisplay();
  return (iso: string) => formatDateTime(iso, i18n.language, timeFormat);
}
