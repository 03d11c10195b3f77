// A place's photo, round. When the image fails (provider URLs expire) it asks the server once for a fresh URL — the
// server re-resolves it from the provider and stores it — and shows that if it loads; only then it falls back to the
// category icon (or the initials when the place has no category). One retry per place per page view, never a loop;
// the fallback stays underneath while an image loads, so nothing flickers.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/utils/trpc';
import { CategoryBadge } from '~/components/planner/Icon';

/** Places whose photo was re-resolved during this page view (shared by every avatar of the place). */
const retried = new Set<number>();
/** Photo URLs that failed during this page view: never shown again. */
const failedUrls = new Set<string>();

type Category = { color?: string | null; icon?: string | null };

function initialsOf(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}

export function PlaceAvatar({ tripId, place, category }: { tripId: number; place: { id: number; name: string; photoUrl?: string | null }; category?: Category }) {
  const trpc = useTRPC();
  const refresh = useMutation(trpc.places.refreshPlacePhoto.mutationOptions());
  const stored = place.photoUrl && !failedUrls.has(place.photoUrl) ? place.photoUrl : null;
  const [src, setSrc] = useState<string | null>(stored);
  const [loaded, setLoaded] = useState(false);
  const shown = useRef(src);
  shown.current = src;
  // A new photo from elsewhere (realtime, an edit, our own refresh coming back) replaces the current one; the same URL
  // again changes nothing (an image that already loaded would not fire onLoad a second time).
  useEffect(() => {
    if (stored === shown.current || (stored === null && retried.has(place.id))) return;
    setSrc(stored);
    setLoaded(false);
  }, [stored, place.id]);

  function failed() {
    if (!src) return;
    failedUrls.add(src);
    setLoaded(false);
    if (retried.has(place.id)) {
      setSrc(null);
      return;
    }
    retried.add(place.id);
    const failedUrl = src;
    setSrc(null);
    refresh.mutate(
      { tripId, placeId: place.id, failedUrl },
      { onSuccess: (r) => setSrc(r.photoUrl && !failedUrls.has(r.photoUrl) ? r.photoUrl : null) },
    );
  }

  return (
    <span className="relative mt-0.5 inline-flex h-8 w-8 shrink-0" data-testid="place-avatar" data-state={src && loaded ? 'photo' : 'fallback'}>
      {category ? (
        <CategoryBadge category={category} />
      ) : (
        <span aria-hidden className="flex h-8 w-8 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700" data-testid="place-initials">
          {initialsOf(place.name)}
        </span>
      )}
      {src && (
        <img
          src={src}
          alt=""
          loading="lazy"
          referrerPolicy="no-referrer"
          onLoad={() => setLoaded(true)}
          onError={failed}
          className={`absolute inset-0 h-8 w-8 rounded-full object-cover transition-opacity ${loaded ? 'opacity-100' : 'opacity-0'}`}
        />
      )}
    </span>
  );
}
