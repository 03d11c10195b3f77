// Admin → Map: the map's tile URL template and attribution (the environment's MAP_TILE_URL is the default), and the
// Google Places API key that makes Google the place provider (shown only as its last four characters once saved).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ConfirmDialog, TextField } from '~/components/ui';
import { QueryStatus } from '~/components/QueryStatus';
import { errorMessage, useTRPC } from '~/utils/trpc';

const ATTRIBUTION_MAX = 300;

function useMapAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.geo.getMapAdminSettings.queryOptions());
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.geo.getMapAdminSettings.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.geo.mapSettings.queryKey() });
  };
  return { trpc, settings, refresh };
}

export function MapAdmin() {
  const { t } = useTranslation('planner');
  const { settings } = useMapAdmin();
  return (
    <div className="space-y-6">
      <QueryStatus query={settings} t={t} loadingText={t('mapAdmin.loading')} emptyText="" isEmpty={false}>
        {settings.data && (
          <>
            <TilesSection key={settings.data.tiles?.url ?? ''} current={settings.data.tiles} defaults={settings.data.defaultTiles} />
            <GoogleSection configured={settings.data.googlePlaces.configured} keyHint={settings.data.googlePlaces.keyHint} />
          </>
        )}
      </QueryStatus>
    </div>
  );
}

function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation('planner');
  return error ? (
    <p role="alert" className="text-sm text-red-700">
      {errorMessage(error, t)}
    </p>
  ) : null;
}

const sectionClass = 'rounded-lg border border-slate-200 bg-white p-5 shadow-sm';

function TilesSection({ current, defaults }: { current: { url: string; attribution: string } | null; defaults: { url: string; attribution: string } }) {
  const { t } = useTranslation('planner');
  const { trpc, refresh } = useMapAdmin();
  const [url, setUrl] = useState(current?.url ?? '');
  const [attribution, setAttribution] = useState(current?.attribution ?? '');
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.geo.setMapTiles.mutationOptions({ onSuccess: () => (setSaved(true), refresh()) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ tiles: { url: url.trim(), attribution: attribution.trim() } });
  };
  const reset = () => {
    setSaved(false);
    setUrl('');
    setAttribution('');
    save.mutate({ tiles: null });
  };
  return (
    <section aria-labelledby="map-tiles-heading" className={sectionClass}>
      <h2 id="map-tiles-heading" className="text-lg font-semibold text-slate-900">
        {t('mapAdmin.tilesHeading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('mapAdmin.tilesIntro')}</p>
      <p className="mt-2 text-xs text-slate-500" data-testid="map-tiles-current">
        {current ? t('mapAdmin.usingCustom') : t('mapAdmin.usingDefault')}{' '}
        <code dir="ltr" className="break-all">
          {current?.url ?? defaults.url}
        </code>
      </p>
      <form onSubmit={submit} className="mt-4 space-y-3">
        <TextField
          id="map-tile-url"
          label={t('mapAdmin.tileUrl')}
          hint={t('mapAdmin.tileUrlHint')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://tile.example.org/{z}/{x}/{y}.png"
          dir="ltr"
          required
          maxLength={2000}
          data-testid="map-tile-url"
        />
        <TextField
          id="map-tile-attribution"
          label={t('mapAdmin.attribution')}
          hint={t('mapAdmin.attributionHint', { max: ATTRIBUTION_MAX })}
          value={attribution}
          onChange={(e) => setAttribution(e.target.value)}
          required
          maxLength={ATTRIBUTION_MAX}
          data-testid="map-tile-attribution"
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={save.isPending} data-testid="map-tiles-save">
            {t('mapAdmin.save')}
          </Button>
          {current && (
            <Button type="button" onClick={reset} disabled={save.isPending} data-testid="map-tiles-reset">
              {t('mapAdmin.useDefault')}
            </Button>
          )}
        </div>
        <SaveError error={save.error} />
        {saved && !save.error && (
          <p role="status" className="text-sm text-emerald-700">
            {t('mapAdmin.saved')}
          </p>
        )}
      </form>
    </section>
  );
}

function GoogleSection({ configured, keyHint }: { configured: boolean; keyHint: string | null }) {
  const { t } = useTranslation('planner');
  const { trpc, refresh } = useMapAdmin();
  const [apiKey, setApiKey] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const save = useMutation(
    trpc.geo.setGooglePlacesKey.mutationOptions({
      onSuccess: () => {
        setApiKey('');
        setConfirmRemove(false);
        refresh();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ apiKey: apiKey.trim() });
  };
  return (
    <section aria-labelledby="google-places-heading" className={sectionClass}>
      <h2 id="google-places-heading" className="text-lg font-semibold text-slate-900">
        {t('mapAdmin.googleHeading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('mapAdmin.googleIntro')}</p>
      <p className="mt-2 text-sm" data-testid="google-places-state">
        {configured ? (
          <span className="text-emerald-800">
            {t('mapAdmin.googleOn')}{' '}
            <code dir="ltr" data-testid="google-key-hint">
              {keyHint}
            </code>
          </span>
        ) : (
          <span className="text-slate-600">{t('mapAdmin.googleOff')}</span>
        )}
      </p>
      <form onSubmit={submit} className="mt-4 space-y-3">
        <TextField
          id="google-places-key"
          type="password"
          autoComplete="off"
          label={configured ? t('mapAdmin.replaceKey') : t('mapAdmin.apiKey')}
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          dir="ltr"
          required
          maxLength={200}
          data-testid="google-places-key"
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={save.isPending || !apiKey.trim()} data-testid="google-places-save">
            {t('mapAdmin.saveKey')}
          </Button>
          {configured && (
            <Button type="button" variant="danger" onClick={() => setConfirmRemove(true)} disabled={save.isPending} data-testid="google-places-remove">
              {t('mapAdmin.removeKey')}
            </Button>
          )}
        </div>
        <SaveError error={save.error} />
      </form>
      <ConfirmDialog
        open={confirmRemove}
        title={t('mapAdmin.removeTitle')}
        message={t('mapAdmin.removeMessage')}
        confirmLabel={t('mapAdmin.removeKey')}
        cancelLabel={t('action.cancel')}
        danger
        busy={save.isPending}
        error={confirmRemove && save.error ? errorMessage(save.error, t) : null}
        onConfirm={() => save.mutate({ apiKey: null })}
        onCancel={() => setConfirmRemove(false)}
      />
    </section>
  );
}
