// The journey's public link and its PDF book, for the journey page's header: contributors see whether a link exists
// and download the book; the owner makes the link (the full URL is shown once), switches timeline, gallery and map,
// makes a new link or revokes it (after a confirmation).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, buttonClasses, ConfirmDialog, Dialog, Spinner } from '~/components/ui';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { JOURNEY_SHARE_PARTS, type JourneySharePart } from './rules';

const FLAG = { timeline: 'shareTimeline', gallery: 'shareGallery', map: 'shareMap' } as const satisfies Record<JourneySharePart, string>;

/** A link that downloads the journey as a PDF book (made on the server, streamed). */
export function JourneyBookLink({ journeyId }: { journeyId: number }) {
  const { t } = useTranslation('journey-media');
  return (
    <a href={`/api/journeys/${journeyId}/book`} download className={buttonClasses('secondary', 'sm')} data-testid="journey-book-link">
      {t('book.download')}
    </a>
  );
}

export function JourneyShareButton({ journeyId, isOwner }: { journeyId: number; isOwner: boolean }) {
  const { t } = useTranslation('journey-media');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} data-testid="journey-share-button">
        {t('share.button')}
      </Button>
      {open && <JourneyShareDialog journeyId={journeyId} isOwner={isOwner} onClose={() => setOpen(false)} />}
    </>
  );
}

function JourneyShareDialog({ journeyId, isOwner, onClose }: { journeyId: number; isOwner: boolean; onClose: () => void }) {
  const { t } = useTranslation('journey-media');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const link = useQuery(trpc.journeyMedia.getJourneyShareLink.queryOptions({ journeyId }));
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  // Local flags, so a checkbox does not snap back while the server answers under load.
  const [flags, setFlags] = useState<Record<JourneySharePart, boolean> | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.journeyMedia.getJourneyShareLink.queryKey({ journeyId }) });
  const save = useMutation(
    trpc.journeyMedia.createJourneyShareLink.mutationOptions({
      onSuccess: async (result) => {
        if (result.url) setUrl(result.url);
        setConfirm(null);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.journeyMedia.deleteJourneyShareLink.mutationOptions({
      onSuccess: async () => {
        setUrl(null);
        setFlags(null);
        setConfirm(null);
        await refresh();
      },
    }),
  );
  const current = link.data?.shareLink ?? null;
  const shown: Record<JourneySharePart, boolean> = flags ?? {
    timeline: current?.shareTimeline ?? true,
    gallery: current?.shareGallery ?? true,
    map: current?.shareMap ?? true,
  };

  return (
    <Dialog open onClose={onClose} title={t('share.title')} description={t('share.description')} testId="journey-share-dialog">
      {link.isLoading && <Spinner label={t('share.loading')} />}
      {link.error && <p role="alert" className="text-sm text-red-700">{errorMessage(link.error, t)}</p>}
      {link.data && (
        <div className="space-y-4">
          <fieldset className="space-y-2" disabled={!isOwner || save.isPending}>
            <legend className="text-sm font-medium text-slate-800">{t('share.parts')}</legend>
            {JOURNEY_SHARE_PARTS.map((part) => (
              <label key={part} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={shown[part]}
                  data-testid={`journey-share-${part}`}
                  onChange={(e) => {
                    const next = { ...shown, [part]: e.target.checked };
                    setFlags(next);
                    if (current) save.mutate({ journeyId, [FLAG[part]]: e.target.checked });
                  }}
                />
                {t(`public.${part}`)}
              </label>
            ))}
          </fieldset>
          {url && (
            <div className="rounded-lg bg-indigo-50 p-3">
              <p className="text-xs text-indigo-900">{t('share.copyNow')}</p>
              <div className="mt-2 flex gap-2">
                <input readOnly value={url} className="min-w-0 flex-1 rounded border border-indigo-200 bg-white px-2 py-1 text-sm" aria-label={t('share.url')} data-testid="journey-share-url" dir="ltr" />
                <Button size="sm" onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>
                  {copied ? t('share.copied') : t('share.copy')}
                </Button>
              </div>
            </div>
          )}
          {current && !url && <p className="text-sm text-slate-600">{t('share.exists', { hint: current.tokenHint })}</p>}
          {!current && <p className="text-sm text-slate-600">{t('share.none')}</p>}
          {!isOwner && <p className="text-xs text-slate-500">{t('share.ownerOnly')}</p>}
          {(save.error || revoke.error) && <p role="alert" className="text-sm text-red-700">{errorMessage(save.error ?? revoke.error, t)}</p>}
          {isOwner && (
            <div className="flex flex-wrap gap-2">
              {!current && (
                <Button variant="primary" size="sm" busy={save.isPending} data-testid="journey-share-create" onClick={() => save.mutate({ journeyId, shareTimeline: shown.timeline, shareGallery: shown.gallery, shareMap: shown.map })}>
                  {t('share.create')}
                </Button>
              )}
              {current && (
                <>
                  <Button size="sm" onClick={() => setConfirm('rotate')}>
                    {t('share.rotate')}
                  </Button>
                  <Button size="sm" variant="danger" onClick={() => setConfirm('delete')} data-testid="journey-share-delete">
                    {t('share.delete')}
                  </Button>
                </>
              )}
            </div>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirm !== null}
        danger={confirm === 'delete'}
        title={confirm === 'delete' ? t('share.delete') : t('share.rotate')}
        message={confirm === 'delete' ? t('share.confirmDelete') : t('share.confirmRotate')}
        confirmLabel={confirm === 'delete' ? t('share.delete') : t('share.rotate')}
        busy={save.isPending || revoke.isPending}
        onConfirm={() => (confirm === 'delete' ? revoke.mutate({ journeyId }) : save.mutate({ journeyId, rotate: true }))}
        onCancel={() => setConfirm(null)}
      />
    </Dialog>
  );
}
