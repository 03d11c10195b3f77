// Page titles for Remix `meta` exports: a key looked up in the root loader's translations, then " · Waymark".
import type { MetaArgs } from '@remix-run/node';

type RootResources = { locale?: string; resources?: Record<string, Record<string, unknown>> };

/** The translation of `ns:key.path` in the page's language (English, then `fallback`, if missing); {{name}} filled from `params`. */
export function translateForMeta(
  matches: MetaArgs['matches'],
  ns: string,
  key: string,
  fallback: string,
  params: Record<string, string> = {},
): string {
  const root = matches.find((m) => m.id === 'root')?.data as RootResources | undefined;
  const lookup = (lng: string | undefined) => {
    let node: unknown = lng ? root?.resources?.[lng]?.[ns] : undefined;
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  const text = lookup(root?.locale) ?? lookup('en') ?? fallback;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? '');
}

/** "<translated page name> · Waymark" for the browser tab. */
export function pageTitle(matches: MetaArgs['matches'], ns: string, key: string, fallback: string): string {
  return `${translateForMeta(matches, ns, key, fallback)} · Waymark`;
}
