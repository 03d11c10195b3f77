// GET /manifest.webmanifest — the web app manifest that makes Waymark installable (decision 034), its description in
// the visitor's language. Browsers fetch it without cookies, so the language comes from Accept-Language (or the `lng`
// cookie when one is sent).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { detectLanguage } from '~/i18n/i18n.server';
import { directionOf } from '~/i18n/config';
import { readNamespace } from '~/i18n/locale-files.server';
import { THEME_COLOR } from '~/offline/pwa';

const BACKGROUND_COLOR = '#f8fafc';

export function loader({ request }: LoaderFunctionArgs) {
  const lang = detectLanguage(request);
  const texts = readNamespace(lang, 'offline') as { manifest?: { description?: string } };
  const manifest = {
    id: '/',
    name: 'Waymark',
    short_name: 'Waymark',
    description: texts.manifest?.description ?? '',
    lang,
    dir: directionOf(lang),
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    categories: ['travel', 'productivity'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: {
      'Content-Type': 'application/manifest+json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      Vary: 'Accept-Language, Cookie',
    },
  });
}
