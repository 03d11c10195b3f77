// Admin → Addons: switch optional parts of Waymark on or off for everyone. Procedures check them through meta.addon.
import type { MetaFunction } from '@remix-run/node';
import { useRevalidator } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryStatus } from '~/components/QueryStatus';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'admin', 'tabs.addons', 'Addons') }];

export default function AdminAddonsPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();
  const addons = useQuery(trpc.admin.listAddons.queryOptions());
  const setAddon = useMutation(
    trpc.admin.setAddon.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.admin.listAddons.queryKey() });
        // The root loader hands the addon switches to every page (navigation, sections).
        revalidator.revalidate();
      },
    }),
  );
  const list = addons.data?.addons ?? [];
  return (
    <section aria-labelledby="addons-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="addons-heading" className="text-lg font-semibold text-slate-900">
        {t('addons.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('addons.intro')}</p>
      {setAddon.error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {errorMessage(setAddon.error, t)}
        </p>
      )}
      <div className="mt-4">
        <QueryStatus query={addons} t={t} loadingText={t('loading')} emptyText="" isEmpty={false}>
          <ul className="divide-y divide-slate-100">
            {list.map((addon) => (
              <li key={addon.id} className="py-3">
                <AddonRow
                  id={addon.id}
                  enabled={addon.enabled}
                  name={t(`addons.items.${addon.id}.name`)}
                  description={t(`addons.items.${addon.id}.description`)}
                  busy={setAddon.isPending && setAddon.variables?.id === addon.id}
                  onToggle={() => setAddon.mutate({ id: addon.id, enabled: !addon.enabled })}
                />
                {'parts' in addon && addon.parts && (
                  // Parts of the addon (collab: notes, polls, chat), labelled in the addon's own namespace.
                  <ul className="mt-2 space-y-2 border-s-2 border-slate-100 ps-4">
                    {addon.parts.map((part) => {
                      const key = `${addon.id}:addonParts.${part.id.slice(addon.id.length + 1)}`;
                      return (
                        <li key={part.id}>
                          <AddonRow
                            id={part.id}
                            enabled={part.enabled}
                            name={t(`${key}.name`)}
                            description={t(`${key}.description`)}
                            busy={!addon.enabled || (setAddon.isPending && setAddon.variables?.id === part.id)}
                            onToggle={() => setAddon.mutate({ id: part.id, enabled: !part.enabled })}
                          />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </QueryStatus>
      </div>
    </section>
  );
}

function AddonRow(props: { id: string; enabled: boolean; name: string; description: string; busy: boolean; onToggle: () => void }) {
  const labelId = `addon-${props.id.replace('.', '-')}-label`;
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <p id={labelId} className="font-medium text-slate-900">
          {props.name}
        </p>
        <p className="text-sm text-slate-600">{props.description}</p>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={props.enabled}
        aria-labelledby={labelId}
        data-testid={`addon-${props.id}`}
        disabled={props.busy}
        onClick={props.onToggle}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus:outline-none focus:ring-2 focus:ring-indigo-500 focus:ring-offset-2 disabled:opacity-60 ${
          props.enabled ? 'bg-indigo-600' : 'bg-slate-300'
        }`}
      >
        <span
          aria-hidden
          className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${
            props.enabled ? 'translate-x-5 rtl:-translate-x-5' : 'translate-x-0.5 rtl:-translate-x-0.5'
          }`}
        />
      </button>
    </div>
  );
}
