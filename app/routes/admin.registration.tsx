// Admin → Registration: who may create an account (open, invite-only, closed), and the invitation links.
import type { MetaFunction } from '@remix-run/node';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, TextField } from '~/components/ui';
import { ConfirmDialog } from '~/components/ui/ConfirmDialog';
import { QueryStatus } from '~/components/QueryStatus';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'admin', 'tabs.registration', 'Registration') }];

const MODES = ['open', 'invite', 'closed'] as const;

export default function AdminRegistrationPage() {
  const { t, i18n } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const registration = useQuery(trpc.admin.getRegistration.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.getRegistration.queryKey() });
  // The choice shows at once (set in the same event, so the controlled radio does not snap back); it reverts, with the
  // error shown, if the server refuses it.
  const [chosen, setChosen] = useState<(typeof MODES)[number] | null>(null);
  const setMode = useMutation(
    trpc.admin.setRegistrationMode.mutationOptions({
      onSuccess: ({ mode }) => queryClient.setQueryData(trpc.admin.getRegistration.queryKey(), (old) => old && { ...old, mode }),
      onSettled: () => setChosen(null),
    }),
  );
  const [newLink, setNewLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation(
    trpc.admin.createInvite.mutationOptions({
      onSuccess: (data) => {
        setNewLink(data.url);
        setCopied(false);
        void refresh();
      },
    }),
  );
  const [toDelete, setToDelete] = useState<number | null>(null);
  const remove = useMutation(
    trpc.admin.deleteInvite.mutationOptions({
      onSuccess: () => {
        setToDelete(null);
        void refresh();
      },
    }),
  );
  const mode = chosen ?? registration.data?.mode ?? 'open';
  const invites = registration.data?.invites ?? [];
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      expiresInDays: Number(form.get('expiresInDays')),
      maxUses: Number(form.get('maxUses')),
      note: String(form.get('note') ?? ''),
    });
  };
  const copy = async () => {
    if (!newLink) return;
    await navigator.clipboard?.writeText(newLink).catch(() => undefined);
    setCopied(true);
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby="registration-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="registration-heading" className="text-lg font-semibold text-slate-900">
          {t('registration.heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('registration.intro')}</p>
        {setMode.error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {errorMessage(setMode.error, t)}
          </p>
        )}
        <QueryStatus query={registration} t={t} loadingText={t('loading')} emptyText="" isEmpty={false}>
          <fieldset className="mt-4 space-y-2" disabled={setMode.isPending}>
            <legend className="sr-only">{t('registration.modeLabel')}</legend>
            {MODES.map((m) => (
              <label key={m} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50">
                <input
                  type="radio"
                  name="registration-mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => {
                    setChosen(m);
                    setMode.mutate({ mode: m });
                  }}
                  className="mt-1 focus:ring-2 focus:ring-indigo-500"
                  data-testid={`registration-mode-${m}`}
                />
                <span>
                  <span className="block font-medium text-slate-900">{t(`registration.modes.${m}.name`)}</span>
                  <span className="block text-sm text-slate-600">{t(`registration.modes.${m}.description`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </QueryStatus>
      </section>

      <section aria-labelledby="invites-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="invites-heading" className="text-lg font-semibold text-slate-900">
          {t('registration.invitesHeading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('registration.invitesIntro')}</p>
        <form onSubmit={onCreate} className="mt-4 grid gap-3 sm:grid-cols-4 sm:items-end">
          <TextField id="invite-days" name="expiresInDays" type="number" min={1} max={90} defaultValue={7} required label={t('registration.expiresInDays')} />
          <TextField id="invite-uses" name="maxUses" type="number" min={1} max={100} defaultValue={1} required label={t('registration.maxUses')} />
          <TextField id="invite-note" name="note" maxLength={200} label={t('registration.note')} />
          <Button type="submit" variant="primary" disabled={create.isPending} data-testid="create-invite">
            {t('registration.createInvite')}
          </Button>
        </form>
        {create.error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {errorMessage(create.error, t)}
          </p>
        )}
        {newLink && (
          <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
            <p className="font-medium">{t('registration.linkOnce')}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code dir="ltr" data-testid="invite-link" className="break-all rounded bg-white px-2 py-1 text-xs text-slate-800">
                {newLink}
              </code>
              <Button type="button" size="sm" onClick={() => void copy()}>
                {copied ? t('registration.copied') : t('registration.copy')}
              </Button>
            </div>
          </div>
        )}
        <div className="mt-4 overflow-x-auto">
          <QueryStatus query={registration} t={t} loadingText={t('loading')} emptyText={t('registration.noInvites')} isEmpty={invites.length === 0}>
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-slate-500">
                  <th className="py-2 pe-3 text-start font-medium">{t('registration.note')}</th>
                  <th className="py-2 pe-3 text-start font-medium">{t('registration.uses')}</th>
                  <th className="py-2 pe-3 text-start font-medium">{t('registration.expires')}</th>
                  <th className="py-2 pe-3 text-start font-medium">{t('registration.state')}</th>
                  <th className="py-2 text-end font-medium">
                    <span className="sr-only">{t('users.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => (
                  <tr key={invite.id} className="border-b border-slate-100" data-testid={`invite-row-${invite.id}`}>
                    <td className="py-2 pe-3">{invite.note || '—'}</td>
                    <td className="py-2 pe-3">{t('registration.usesOf', { uses: invite.uses, max: invite.maxUses })}</td>
                    <td className="whitespace-nowrap py-2 pe-3">{dateFormat.format(new Date(invite.expiresAt))}</td>
                    <td className="py-2 pe-3">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${invite.usable ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-100 text-slate-600'}`}>
                        {invite.usable ? t('registration.usable') : t('registration.used')}
                      </span>
                    </td>
                    <td className="py-2 text-end">
                      <button
                        type="button"
                        onClick={() => setToDelete(invite.id)}
                        className="rounded-md border border-red-200 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-red-500"
                      >
                        {t('registration.revoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </QueryStatus>
        </div>
      </section>
      {toDelete !== null && (
        <ConfirmDialog
          open
          danger
          title={t('registration.revokeTitle')}
          message={t('registration.revokeBody')}
          confirmLabel={t('registration.revoke')}
          cancelLabel={t('cancel')}
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error, t) : null}
          onCancel={() => {
            setToDelete(null);
            remove.reset();
          }}
          onConfirm={() => remove.mutate({ inviteId: toDelete })}
        />
      )}
    </div>
  );
}
