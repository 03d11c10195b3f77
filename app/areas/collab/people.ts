// Who is looking at the Collab tab: the signed-in user from the root loader (area components must not import ~/root).
import { useRouteLoaderData } from '@remix-run/react';

export function useMe(): { id: number; username: string; displayName: string } | null {
  return (useRouteLoaderData('root') as { user?: { id: number; username: string; displayName: string } | null } | undefined)?.user ?? null;
}

/** "2 Dec, 14:05" in the user's language. */
export function formatWhen(iso: string, language: string) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
