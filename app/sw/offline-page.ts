// The page the service worker shows for a page that was never saved on this device: plain HTML in the user's
// language (the texts come from public/locales/<lng>/offline.json, built into the worker), no scripts, so it needs
// nothing from the network and cannot hydrate into a wrong route.

export interface OfflinePageTexts {
  title: string;
  body: string;
  home: string;
  retry: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function offlinePageHtml(locale: string, texts: OfflinePageTexts) {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return `<!DOCTYPE html>
<html lang="${escape(locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#4f46e5">
<title>${escape(texts.title)} · Waymark</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;color:#0f172a;font:16px/1.5 system-ui,sans-serif}
main{max-width:28rem;margin:1rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;text-align:center}
h1{font-size:1.25rem;margin:.5rem 0}
p{color:#475569;font-size:.875rem}
a{display:inline-block;margin:1rem .25rem 0;padding:.5rem 1rem;border-radius:.5rem;background:#4f46e5;color:#fff;text-decoration:none;font-weight:600}
a.secondary{background:#fff;color:#4f46e5;border:1px solid #c7d2fe}
a:focus-visible{outline:3px solid #a5b4fc;outline-offset:2px}
</style>
</head>
<body>
<main data-testid="offline-unavailable" role="main">
<h1>${escape(texts.title)}</h1>
<p>${escape(texts.body)}</p>
<a href="/">${escape(texts.home)}</a><a class="secondary" href="">${escape(texts.retry)}</a>
</main>
</body>
</html>`;
}
