// Place photos from Wikimedia Commons (no key). A photo is stored with its source and a reference (the Commons file
// name), so when its URL stops working the server can ask Commons again for the file's current URL. Through the
// outside-service module: WIKIMEDIA_COMMONS_URL, outbound guard, timeout, cache, clear error when unreachable.
import type { Config } from '~/env.server';
import { fetchServiceJson, serviceUrl, ttlCache } from './outside-service.server';
import { googlePhotoName, googlePhotoUrl, PHOTO_SERVICE, PHOTO_WIDTH } from './google-places.server';

export type PhotoConfig = Pick<Config, 'wikimediaCommonsUrl' | 'googlePlacesUrl' | 'outboundAllowPrivate'>;


export interface StoredPhoto {
  url: string;
  source: 'wikimedia' | 'google' | '';
  ref: string;
}

/** What to store for a photo URL a client sends (from search_place): Commons links keep their file name for later. */
export function photoFromUrl(url: string): StoredPhoto {
  const googleName = googlePhotoName(url);
  if (googleName) return { url: url.slice(0, url.indexOf('#')), source: 'google', ref: googleName };
  const filePath = /\/wiki\/Special:FilePath\/([^?#]+)/i.exec(url);
  const filePage = /\/wiki\/File:([^?#]+)/i.exec(url);
  const upload = /upload\.wikimedia\.org\/wikipedia\/commons\/(?:thumb\/)?[0-9a-f]\/[0-9a-f]{2}\/([^/?#]+)/i.exec(url);
  const file = filePath?.[1] ?? filePage?.[1] ?? upload?.[1];
  if (file) {
    let name = file;
    try {
      name = decodeURIComponent(file);
    } catch {
      /* keep it as written */
    }
    return { url, source: 'wikimedia', ref: name.replace(/ /g, '_') };
  }
  return { url, source: '', ref: '' };
}

const cache = ttlCache<string | null>(1000);

/** The current URL of a Commons file (scaled), or null when Commons no longer has it. */
async function commonsFileUrl(config: PhotoConfig, file: string): Promise<string | null> {
  const key = `commons:${file}`;
  const cached = cache.get(config, key);
  if (cached !== undefined) return cached;
  const url = serviceUrl(PHOTO_SERVICE, config.wikimediaCommonsUrl, '/w/api.php', {
    action: 'query',
    titles: `File:${file}`,
    prop: 'imageinfo',
    iiprop: 'url',
    iiurlwidth: PHOTO_WIDTH,
    format: 'json',
    formatversion: 2,
  });
  const answer = await fetchServiceJson<{ query?: { pages?: Array<{ missing?: boolean; imageinfo?: Array<{ thumburl?: string; url?: string }> }> } }>(
    config,
    PHOTO_SERVICE,
    url,
  );
  const info = answer.query?.pages?.[0]?.imageinfo?.[0];
  const found = info?.thumburl ?? info?.url ?? null;
  const safe = found && /^https?:\/\//i.test(found) ? found : null;
  cache.set(config, key, safe, 60 * 60_000);
  return safe;
}

/**
 * Asks the photo's provider again; null when it has nothing (any more) for this place. A Google photo needs the
 * configured key (without one it cannot be renewed: null).
 */
export async function reResolvePhoto(config: PhotoConfig, photo: { source: string; ref: string }, googleKey: string | null = null): Promise<string | null> {
  if (photo.source === 'wikimedia' && photo.ref) return commonsFileUrl(config, photo.ref);
  if (photo.source === 'google' && photo.ref && googleKey) return googlePhotoUrl(config, googleKey, photo.ref, { fresh: true });
  return null;
}
