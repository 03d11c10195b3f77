// What makes the app installable, as the root route links it: the manifest (app/routes/manifest[.]webmanifest.ts),
// the Apple home-screen icon and the browser bar's colour.
export const THEME_COLOR = '#4f46e5';

export const pwaLinks = [
  { rel: 'manifest', href: '/manifest.webmanifest' },
  { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' },
];
