// The people on a trip: everyone sees the list; the owner adds people by username or e-mail and removes them
// (after a confirmation). Used by the dashboard and the planner: <MembersDialog tripId open onClose />.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useRootData } from '~/root';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Avatar, Button, ConfirmDialog, Dialog, Spinner, TextField } from '~/components/ui';
import type { TripMember } from '~/areas/trips/types';

interface Props {
  tripId: number;
  open: boolean;
  onClose(): void;
}

export function MembersDialog({ tripId, open, onClose }: Props) {
  const { t } = useTranslation('trips');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useRootData()?.user?.id;
  const members = useQuery({ ...trpc.members.listTripMembers.queryOptions({ tripId }), enabled: open });
  const [identifier, setIdentifier] = useState('');
  const [removing, setRemoving] = useState<TripMember | null>(null);

  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.members.listTripMembers.queryKey({ tripId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.trips.pathKey() });
  };
  const add = useMutation(
    trpc.members.addTripMember.mutationOptions({
      onSuccess: () => {
        setIdentifier('');
        changed();
      },
    }),
  );
  const remove = useMutation(
    trpc.members.removeTripMember.mutationOptions({
      onSuccess: () => {
        setRemoving(null);
        changed();
      },
    }),
  );

  const list = members.data?.members ?? [];
  const isOwner = list.some((m) => m.role === 'owner' && m.id === me);

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (!identifier.trim()) return;
    add.mutate({ tripId, identifier: identifier.trim() });
  };

  return (
    <>
      <Dialog open={open} onClose={onClose} title={t('members.title')} testId="members-dialog">
        {members.isLoading && <Spinner label={t('common:loading')} />}
        {members.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(members.error, t)}
          </p>
        )}
        {list.length > 0 && (
          <ul className="divide-y divide-slate-100" aria-label={t('members.listLabel')} data-testid="members-list">
            {list.map((member) => (
              <li key={member.id} className="flex items-center gap-3 py-2">
                <Avatar name={member.displayName} userId={member.id} />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-slate-900">
                    {member.displayName}
                    {member.id === me && <span className="ms-1 text-slate-500">{t('members.you')}</span>}
                  </p>
                  <p className="truncate text-xs text-slate-500" dir="ltr">
                    @{member.username}
                  </p>
                </div>
                {member.role === 'owner' ? (
                  <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">
                    {t('members.owner')}
                  </span>
                ) : (
                  isOwner && (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        remove.reset();
                        setRemoving(member);
                      }}
                      aria-label={t('members.removeNamed', { name: member.displayName })}
                    >
                      {t('members.remove')}
                    </Button>
                  )
                )}
              </li>
            ))}
          </ul>
        )}
        {isOwner ? (
          <form onSubmit={onAdd} className="mt-4 border-t border-slate-100 pt-4">
            <div className="flex items-end gap-2">
              <TextField
                className="flex-1"
                label={t('members.addLabel')}
                name="identifier"
                value={identifier}
                onChange={(event) => {
                  setIdentifier(event.target.value);
                  if (add.error) add.reset();
                }}
                placeholder={t('members.addPlaceholder')}
                autoComplete="off"
                error={add.error ? errorMessage(add.error, t) : undefined}
              />
              <Button type="submit" variant="primary" busy={add.isPending} disabled={!identifier.trim()}>
                {t('members.add')}
              </Button>
            </div>
          </form>
        ) : (
          list.length > 0 && <p className="mt-4 text-xs text-slate-500">{t('members.ownerManages')}</p>
        )}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title={t('members.removeTitle')}
        message={t('members.removeMessage', { name: removing?.displayName ?? '' })}
        confirmLabel={t('members.remove')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => removing && remove.mutate({ tripId, userId: removing.id })}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
