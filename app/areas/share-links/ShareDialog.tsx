// The Share button of the planner and its dialog: make a public read-only link, choose what it shows, copy it (shown
// once: only its hash is kept), rotate it or delete it (each after a confirmation). Self-contained: <ShareButton tripId />.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { useAddons } from '~/utils/addons';
import { Button, ConfirmDialog, Dialog, Spinner, inputClasses } from '~/components/ui';
import { SECTION_FLAGS, SHARE_SECTIONS, type SectionFlag, type ShareSection } from './rules';

export function ShareButton({ tripId }: { tripId: number }) {
  const { t } = useTranslation('share');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="share-button">
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M13 4.5a2.5 2.5 0 1 1 .7 1.74L7.9 9.13a2.5 2.5 0 0 1 0 1.74l5.8 2.89a2.5 2.5 0 1 1-.67 1.34l-5.8-2.9a2.5 2.5 0 1 1 0-3.4l5.8-2.9A2.5 2.5 0 0 1 13 4.5Z" />
        </svg>
        {t('button')}
      </Button>
      {open && <ShareDialog tripId={tripId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ShareDialog({ tripId, onClose }: { tripId: number; onClose(): void }) {
  const { t, i18n } = useTranslation('share');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const addons = useAddons();
  const link = useQuery(trpc.shareLinks.getShareLink.queryOptions({ tripId }));
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  const [choice, setChoice] = useState<Record<SectionFlag, boolean>>({ shareBookings: false, shareBudget: false, sharePacking: false });
  const key = trpc.shareLinks.getShareLink.queryKey({ tripId });

  const save = useMutation(
    trpc.shareLinks.createShareLink.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(key, { link: result.link });
        if (result.url) {
          setUrl(result.url);
          setCopied(false);
        }
        setConfirm(null);
      },
    }),
  );
  const remove = useMutation(
    trpc.shareLinks.deleteShareLink.mutationOptions({
      onSuccess: () => {
        queryClient.setQueryData(key, { link: null });
        setUrl(null);
        setConfirm(null);
      },
    }),
  );

  const sections = SHARE_SECTIONS.filter((s) => (s === 'budget' ? addons?.budget !== false : s === 'packing' ? addons?.lists !== false : true));
  const current = link.data?.link;
  const checked = (section: ShareSection) => (current ? current[SECTION_FLAGS[section]] : choice[SECTION_FLAGS[section]]);
  const toggle = (section: ShareSection, value: boolean) => {
    const flag = SECTION_FLAGS[section];
    if (current) save.mutate({ tripId, [flag]: value });
    else setChoice({ ...choice, [flag]: value });
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const busy = save.isPending || remove.isPending;

  return (
    <>
      <Dialog open onClose={onClose} title={t('title')} description={t('intro')} testId="share-dialog" dismissable={!busy}>
        {link.isLoading && <Spinner label={t('common:loading')} />}
        {link.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(link.error, t)}
          </p>
        )}
        {link.data && (
          <div className="space-y-4">
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">{t('shows')}</legend>
              <ul className="mt-2 space-y-1.5 text-sm text-slate-700">
                <li className="flex items-center gap-2">
                  <input type="checkbox" checked disabled className="h-4 w-4 rounded border-slate-300" aria-describedby="share-always" />
                  <span>{t('section.itinerary')}</span>
                  <span id="share-always" className="text-xs text-slate-500">
                    {t('always')}
                  </span>
                </li>
                {sections.map((section) => (
                  <li key={section}>
                    <label className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus-visible:ring-2 focus-visible:ring-indigo-500"
                        checked={checked(section)}
                        disabled={busy}
                        onChange={(e) => toggle(section, e.target.checked)}
                        data-testid={`share-section-${section}`}
                      />
                      {t(`section.${section}`)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            {url && (
              <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3">
                <label htmlFor="share-url" className="text-sm font-medium text-emerald-900">
                  {t('url.label')}
                </label>
                <div className="mt-1 flex gap-2">
                  <input
                    id="share-url"
                    readOnly
                    dir="ltr"
                    value={url}
                    onFocus={(e) => e.currentTarget.select()}
                    className={`${inputClasses} flex-1 font-mono text-xs`}
                    data-testid="share-url"
                  />
                  <Button onClick={() => void copy()}>{copied ? t('url.copied') : t('url.copy')}</Button>
                </div>
                <p className="mt-1 text-xs text-emerald-900">{t('url.onlyOnce')}</p>
              </div>
            )}
            {current ? (
              <div className="border-t border-slate-100 pt-3">
                <p className="text-sm text-slate-700" data-testid="share-active">
                  {t('active', {
                    // Isolated, so the hint reads left to right inside right-to-left text.
                    hint: `\u2068${current.tokenHint}…\u2069`,
                    date: new Date(current.updatedAt).toLocaleDateString(i18n.language, { day: 'numeric', month: 'short', year: 'numeric' }),
                  })}
                </p>
                {!url && <p className="mt-1 text-xs text-slate-500">{t('lostUrl')}</p>}
                <div className="mt-3 flex flex-wrap gap-2">
                  <Button onClick={() => setConfirm('rotate')} disabled={busy} data-testid="share-rotate">
                    {t('rotate.button')}
                  </Button>
                  <Button variant="danger" onClick={() => setConfirm('delete')} disabled={busy} data-testid="share-delete">
                    {t('delete.button')}
                  </Button>
                </div>
              </div>
            ) : (
              <div className="border-t border-slate-100 pt-3">
                <p className="text-sm text-slate-600">{t('none')}</p>
                <Button className="mt-3" variant="primary" busy={save.isPending} onClick={() => save.mutate({ tripId, ...choice })} data-testid="share-create">
                  {t('create')}
                </Button>
              </div>
            )}
            {(save.error || remove.error) && !confirm && (
              <p role="alert" className="text-sm text-red-700">
                {errorMessage(save.error ?? remove.error, t)}
              </p>
            )}
          </div>
        )}
      </Dialog>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'rotate' ? t('rotate.title') : t('delete.title')}
        message={confirm === 'rotate' ? t('rotate.message') : t('delete.message')}
        confirmLabel={confirm === 'rotate' ? t('rotate.confirm') : t('delete.confirm')}
        danger
        busy={busy}
        error={confirm === 'rotate' && save.error ? errorMessage(save.error, t) : confirm === 'delete' && remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => (confirm === 'rotate' ? save.mutate({ tripId, rotate: true }) : remove.mutate({ tripId }))}
        onCancel={() => setConfirm(null)}
      />
    </>
  );
}
