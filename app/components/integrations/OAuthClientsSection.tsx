// Settings → Integrations → MCP → OAuth clients: create (presets, machine clients), rotate secret, delete.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, errorMessage } from '~/utils/trpc';
import { QueryStatus } from '~/components/QueryStatus';
import { ALL_SCOPES } from '~/auth/scopes';
import { CLIENT_PRESETS, presetById, type PresetId } from '~/oauth/constants';
import { ScopePicker } from '~/components/oauth/ScopePicker';
import { ScopeBadges } from '~/components/oauth/ScopeBadges';
import { ConfirmButton } from '~/components/oauth/ConfirmButton';
import { SecretOnce, curlTokenRequest } from '~/components/oauth/SecretOnce';

function appOrigin() {
  return typeof window === 'undefined' ? '' : window.location.origin;
}

const inputClass =
  'block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500';

function CreateClientForm({ onCreated, onCancel }: { onCreated(v: { clientId: string; secret: string; machine: boolean }): void; onCancel(): void }) {
  const { t } = useTranslation('oauth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [preset, setPreset] = useState<PresetId | ''>('');
  const [name, setName] = useState('');
  const [redirectUris, setRedirectUris] = useState('');
  const [machine, setMachine] = useState(false);
  const [scopes, setScopes] = useState<string[]>(ALL_SCOPES.filter((s) => s !== 'trips:delete'));
  const create = useMutation(
    trpc.oauthClients.createOAuthClient.mutationOptions({
      onSuccess: async (data) => {
        await queryClient.invalidateQueries({ queryKey: trpc.oauthClients.listOAuthClients.queryKey() });
        onCreated({ clientId: data.client.clientId, secret: data.clientSecret, machine: data.client.machine });
      },
    }),
  );

  function applyPreset(id: PresetId | '') {
    setPreset(id);
    const p = presetById(id);
    if (!p) return;
    setName(p.name);
    setRedirectUris(p.redirectUris.join('\n'));
    setScopes([...p.scopes]);
    setMachine(false);
  }

  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({
          name,
          preset: preset || undefined,
          machine,
          redirectUris: machine ? [] : redirectUris.split(/\s+/).filter(Boolean),
          allowedScopes: scopes,
        });
      }}
    >
      <div>
        <label htmlFor="oauth-preset" className="mb-1 block text-sm font-medium text-slate-700">
          {t('clients.preset')}
        </label>
        <select id="oauth-preset" className={inputClass} value={preset} onChange={(e) => applyPreset(e.target.value as PresetId | '')}>
          <option value="">{t('clients.presetCustom')}</option>
          {CLIENT_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="oauth-name" className="mb-1 block text-sm font-medium text-slate-700">
          {t('clients.name')}
        </label>
        <input id="oauth-name" className={inputClass} value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="flex items-start gap-2">
        <input
          id="oauth-machine"
          type="checkbox"
          className="mt-1 h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-2 focus:ring-indigo-500"
          checked={machine}
          onChange={(e) => {
            setMachine(e.target.checked);
            if (e.target.checked) setPreset('');
          }}
        />
        <label htmlFor="oauth-machine" className="text-sm text-slate-700">
          <span className="font-medium">{t('clients.machine')}</span>
          <span className="block text-xs text-slate-500">{t('clients.machineHelp')}</span>
        </label>
      </div>
      {machine ? (
        <div className="rounded-md bg-indigo-50 p-3">
          <p className="text-xs text-indigo-900">{t('clients.curlHint')}</p>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" dir="ltr">
            {curlTokenRequest(appOrigin(), '<client_id>')}
          </pre>
        </div>
      ) : (
        <div>
          <label htmlFor="oauth-redirects" className="mb-1 block text-sm font-medium text-slate-700">
            {t('clients.redirectUris')}
          </label>
          <textarea
            id="oauth-redirects"
            className={`${inputClass} font-mono`}
            rows={2}
            dir="ltr"
            value={redirectUris}
            onChange={(e) => setRedirectUris(e.target.value)}
            placeholder="https://example.com/callback"
          />
          <p className="mt-1 text-xs text-slate-500">{t('clients.redirectUrisHelp')}</p>
        </div>
      )}
      <div>
        <p className="mb-2 text-sm font-medium text-slate-700">{t('clients.scopes')}</p>
        <ScopePicker
          available={ALL_SCOPES}
          selected={scopes}
          idPrefix="new-client"
          onToggle={(scope, on) => setScopes((prev) => (on ? [...prev, scope] : prev.filter((s) => s !== scope)))}
        />
      </div>
      {create.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(create.error, t)}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-700 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500">
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:opacity-50"
        >
          {create.isPending ? t('common.saving') : t('clients.create')}
        </button>
      </div>
    </form>
  );
}

export function OAuthClientsSection() {
  const { t } = useTranslation('oauth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.oauthClients.listOAuthClients.queryOptions());
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ clientId: string; secret: string; machine: boolean } | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.oauthClients.listOAuthClients.queryKey() });
  const rotate = useMutation(
    trpc.oauthClients.rotateOAuthClientSecret.mutationOptions({
      onSuccess: (data) => setSecret({ clientId: data.client.clientId, secret: data.clientSecret, machine: data.client.machine }),
    }),
  );
  const remove = useMutation(trpc.oauthClients.deleteOAuthClient.mutationOptions({ onSuccess: invalidate }));
  const clients = list.data?.clients ?? [];
  const atMax = list.data ? clients.length >= list.data.max : false;

  return (
    <section aria-labelledby="oauth-clients-title" className="mt-8 space-y-4 border-t border-slate-200 pt-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="oauth-clients-title" className="text-lg font-semibold text-slate-900">
            {t('clients.title')}
          </h2>
          <p className="text-sm text-slate-600">{t('clients.intro')}</p>
        </div>
        {!creating && (
          <button
            type="button"
            disabled={atMax}
            onClick={() => setCreating(true)}
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:opacity-50"
          >
            {t('clients.new')}
          </button>
        )}
      </div>
      {atMax && <p className="text-sm text-slate-600">{t('clients.limit', { max: list.data?.max })}</p>}
      {secret && <SecretOnce {...secret} appUrl={appOrigin()} onDone={() => setSecret(null)} />}
      {creating && (
        <CreateClientForm
          onCancel={() => setCreating(false)}
          onCreated={(v) => {
            setCreating(false);
            setSecret(v);
          }}
        />
      )}
      <QueryStatus
        query={list}
        t={t}
        loadingText={t('common.loading')}
        emptyText={t('clients.empty')}
        isEmpty={clients.length === 0}
      >
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {clients.map((client) => (
            <li key={client.clientId} className="space-y-2 p-4" data-testid="oauth-client">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{client.name}</span>
                {client.machine && (
                  <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-700">{t('clients.machineBadge')}</span>
                )}
                <code className="text-xs text-slate-500" dir="ltr">
                  {client.clientId}
                </code>
              </div>
              {client.redirectUris.length > 0 && (
                <p className="break-all text-xs text-slate-600" dir="ltr">
                  {client.redirectUris.join(', ')}
                </p>
              )}
              <ScopeBadges scopes={client.allowedScopes} />
              <div className="flex flex-wrap gap-2">
                <ConfirmButton
                  label={t('clients.rotate')}
                  question={t('clients.rotateConfirm')}
                  pending={rotate.isPending}
                  onConfirm={() => rotate.mutate({ clientId: client.clientId })}
                />
                <ConfirmButton
                  label={t('clients.delete')}
                  question={t('clients.deleteConfirm', { name: client.name })}
                  pending={remove.isPending}
                  onConfirm={() => remove.mutate({ clientId: client.clientId })}
                />
              </div>
            </li>
          ))}
        </ul>
      </QueryStatus>
      {(rotate.error || remove.error) && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(rotate.error ?? remove.error, t)}
        </p>
      )}
    </section>
  );
}
