// Admin → Users: everyone with an account; promote to or demote from administrator; delete (after confirming, and
// after choosing for each trip the user owns whether a member gets it or it is deleted, as in their own deletion).
import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useFetcher } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '~/components/ui/ConfirmDialog';
import { QueryStatus } from '~/components/QueryStatus';
import { useRootData } from '~/root';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { pageTitle } from '~/components/pageTitle';
import { ResetLinkDialog } from '~/components/account/ResetLinkDialog';
import { assertSameOrigin, clientIp, requireWebActor } from '~/utils/request.server';
import { issueResetLink, RESET_LINK_MINUTES } from '~/auth/password-reset.server';
import { TripChoiceFields, allTripsChosen, tripChoicesInput, type TripChoiceMap } from '~/areas/account/TripChoices';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'admin', 'tabs.users', 'Users') }];

/** "Create reset link": a single-use link for a user, shown to the admin once (for servers without e-mail). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { services, actor } = await requireWebActor(request, context);
  assertSameOrigin(request, services);
  if (!actor.user.isAdmin) throw new Response('Not found', { status: 404 });
  const userId = Number((await request.formData()).get('userId'));
  const target = Number.isInteger(userId) ? await services.db.user.findUnique({ where: { id: userId } }) : null;
  if (!target) return json({ ok: false as const }, { status: 404 });
  const { url } = await issueResetLink(services.db, services.config.appUrl, target.id);
  await services.audit({ action: 'admin.password_reset_link', userId: actor.user.id, ip: clientIp(request), detail: { targetUserId: target.id } });
  return json({ ok: true as const, url, userId: target.id, minutes: RESET_LINK_MINUTES }, { headers: { 'Cache-Control': 'no-store' } });
}

type Target = { id: number; displayName: string; email: string; ownedTripCount: number };

export default function AdminUsersPage() {
  const { t, i18n } = useTranslation('admin');
  const me = useRootData()?.user;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.listUsers.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.listUsers.queryKey() });
  const setAdmin = useMutation(trpc.admin.setAdmin.mutationOptions({ onSuccess: refresh }));
  const [toDelete, setToDelete] = useState<Target | null>(null);
  const resetLink = useFetcher<typeof action>();
  const [resetFor, setResetFor] = useState<Target | null>(null);
  const remove = useMutation(
    trpc.admin.deleteUser.mutationOptions({
      onSuccess: () => {
        setToDelete(null);
        void refresh();
      },
    }),
  );
  const cancelDelete = () => {
    setToDelete(null);
    remove.reset();
  };
  const list = users.data?.users ?? [];
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <section aria-labelledby="users-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="users-heading" className="text-lg font-semibold text-slate-900">
        {t('users.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('users.intro')}</p>
      {setAdmin.error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {errorMessage(setAdmin.error, t)}
        </p>
      )}
      <div className="relative mt-4 overflow-x-auto">
        <QueryStatus query={users} t={t} loadingText={t('loading')} emptyText={t('users.empty')} isEmpty={list.length === 0}>
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th className="py-2 pe-3 text-start font-medium">{t('users.colName')}</th>
                <th className="py-2 pe-3 text-start font-medium">{t('users.colEmail')}</th>
                <th className="py-2 pe-3 text-start font-medium">{t('users.colRole')}</th>
                <th className="py-2 pe-3 text-start font-medium">{t('users.colTrips')}</th>
                <th className="py-2 pe-3 text-start font-medium">{t('users.colCreated')}</th>
                <th className="py-2 text-end font-medium">
                  <span className="sr-only">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => {
                const isMe = user.id === me?.id;
                return (
                  <tr key={user.id} className="border-b border-slate-100" data-testid={`user-row-${user.id}`}>
                    <td className="py-2 pe-3">
                      {user.displayName}
                      {isMe && <span className="ms-2 text-xs text-slate-500">{t('users.you')}</span>}
                    </td>
                    <td className="py-2 pe-3">
                      <bdi>{user.email}</bdi>
                    </td>
                    <td className="py-2 pe-3">
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs font-medium ${user.isAdmin ? 'bg-indigo-100 text-indigo-800' : 'bg-slate-100 text-slate-700'}`}
                      >
                        {user.isAdmin ? t('users.roleAdmin') : t('users.roleUser')}
                      </span>
                    </td>
                    <td className="py-2 pe-3">{user.ownedTripCount}</td>
                    <td className="whitespace-nowrap py-2 pe-3">{dateFormat.format(new Date(user.createdAt))}</td>
                    <td className="py-2 text-end">
                      <div className="inline-flex flex-wrap justify-end gap-2">
                        <button
                          type="button"
                          disabled={isMe || setAdmin.isPending}
                          title={isMe ? t('users.selfHint') : undefined}
                          onClick={() => setAdmin.mutate({ userId: user.id, isAdmin: !user.isAdmin })}
                          className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
                        >
                          {user.isAdmin ? t('users.demote') : t('users.promote')}
                        </button>
                        <button
                          type="button"
                          disabled={resetLink.state !== 'idle'}
                          onClick={() => {
                            setResetFor(user);
                            resetLink.submit({ userId: String(user.id) }, { method: 'post' });
                          }}
                          className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
                        >
                          {t('account:admin.createLink')}
                        </button>
                        <button
                          type="button"
                          disabled={isMe}
                          title={isMe ? t('users.selfHint') : undefined}
                          onClick={() => setToDelete(user)}
                          className="rounded-md border border-red-200 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-red-500 disabled:cursor-not-allowed disabled:opacity-50"
                        >
                          {t('users.delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </QueryStatus>
      </div>
      {resetFor && resetLink.state === 'idle' && resetLink.data && (
        <ResetLinkDialog
          name={resetFor.displayName}
          email={resetFor.email}
          url={resetLink.data.ok ? resetLink.data.url : null}
          minutes={resetLink.data.ok ? resetLink.data.minutes : 0}
          onClose={() => setResetFor(null)}
        />
      )}
      {toDelete && (
        <DeleteUserDialog
          key={toDelete.id}
          user={toDelete}
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error, t) : null}
          onCancel={cancelDelete}
          onConfirm={(trips) => remove.mutate({ userId: toDelete.id, trips })}
        />
      )}
    </section>
  );
}

/** "Delete <name>?" with, for each trip they own, "Give to <member>" or "Delete the trip" (no default). */
function DeleteUserDialog({
  user,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  user: Target;
  busy: boolean;
  error: string | null;
  onCancel(): void;
  onConfirm(trips: ReturnType<typeof tripChoicesInput>): void;
}) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const plan = useQuery(trpc.admin.userDeletionPlan.queryOptions({ userId: user.id }));
  const [choices, setChoices] = useState<TripChoiceMap>({});
  const trips = plan.data?.trips ?? [];
  const ready = plan.isSuccess && allTripsChosen(trips, choices);
  return (
    <ConfirmDialog
      open
      danger
      title={t('users.deleteTitle', { name: user.displayName })}
      message={
        <>
          <p>{t('users.deleteBody', { email: user.email })}</p>
          {plan.isPending ? (
            <p className="mt-2 text-slate-500" role="status">
              {t('loading')}
            </p>
          ) : plan.isError ? (
            <p className="mt-2 text-red-700" role="alert">
              {errorMessage(plan.error, t)}
            </p>
          ) : (
            trips.length > 0 && (
              <fieldset className="mt-3 space-y-3" data-testid="delete-user-trips">
                <legend className="font-medium text-slate-800">{t('users.deleteTripsHeading', { count: trips.length })}</legend>
                <TripChoiceFields trips={trips} choices={choices} onChange={setChoices} idPrefix={`admin-delete-trip-${user.id}`} />
                {!ready && <p className="text-slate-600">{t('account:delete.chooseAll')}</p>}
              </fieldset>
            )
          )}
        </>
      }
      confirmLabel={t('users.confirmDelete')}
      cancelLabel={t('cancel')}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={() => {
        if (ready) onConfirm(tripChoicesInput(trips, choices));
      }}
    />
  );
}
