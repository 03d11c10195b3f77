// The "⋯" menu of a trip: edit, members, archive/unarchive, copy, export to a calendar (.ics) and delete (owner only,
// after a confirmation). It owns the dialogs those actions open.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC, useTRPCClient } from '~/utils/trpc';
import { Button, ConfirmDialog, Dialog, Menu, type MenuItem } from '~/components/ui';
import { MembersDialog } from '~/areas/members/MembersDialog';
import { TripFormDialog } from './TripFormDialog';
import type { TripDetails, TripRole } from './types';

interface Props {
  trip: Pick<TripDetails, 'id' | 'title' | 'description' | 'startDate' | 'endDate' | 'currency' | 'archived'>;
  role: TripRole;
}

type Open = 'edit' | 'members' | 'delete' | null;

/** Saves text as a file through a temporary object URL. */
function downloadText(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function TripActionsMenu({ trip, role }: Props) {
  const { t } = useTranslation('trips');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const isOwner = role === 'owner';
  const refreshTrips = () => queryClient.invalidateQueries({ queryKey: trpc.trips.pathKey() });

  const archive = useMutation(
    trpc.trips.setTripArchived.mutationOptions({ onSuccess: () => void refreshTrips(), onError: setFailure }),
  );
  const copy = useMutation(
    trpc.trips.copyTrip.mutationOptions({ onSuccess: () => void refreshTrips(), onError: setFailure }),
  );
  const remove = useMutation(
    trpc.trips.deleteTrip.mutationOptions({
      onSuccess: () => {
        setOpen(null);
        queryClient.removeQueries({ queryKey: trpc.trips.getTripSummary.queryKey({ tripId: trip.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.trips.listTrips.pathKey() });
      },
    }),
  );
  const exportIcs = async () => {
    try {
      const { filename, ics } = await client.trips.exportTripIcs.query({ tripId: trip.id });
      downloadText(filename, ics, 'text/calendar;charset=utf-8');
    } catch (error) {
      setFailure(error);
    }
  };

  const items: MenuItem[] = [
    { key: 'edit', label: t('actions.edit'), onSelect: () => setOpen('edit') },
    { key: 'members', label: t('actions.members'), onSelect: () => setOpen('members') },
    { key: 'copy', label: t('actions.copy'), disabled: copy.isPending, onSelect: () => copy.mutate({ tripId: trip.id }) },
    { key: 'export', label: t('actions.exportIcs'), onSelect: () => void exportIcs() },
    ...(isOwner
      ? [
          {
            key: 'archive',
            label: trip.archived ? t('actions.unarchive') : t('actions.archive'),
            disabled: archive.isPending,
            onSelect: () => archive.mutate({ tripId: trip.id, archived: !trip.archived }),
          },
          {
            key: 'delete',
            label: t('actions.delete'),
            danger: true,
            onSelect: () => {
              remove.reset();
              setOpen('delete');
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <Menu label={t('actions.menuFor', { title: trip.title })} items={items} testId="trip-actions" />
      <TripFormDialog open={open === 'edit'} onClose={() => setOpen(null)} trip={trip} />
      <MembersDialog tripId={trip.id} open={open === 'members'} onClose={() => setOpen(null)} />
      <ConfirmDialog
        open={open === 'delete'}
        title={t('delete.title')}
        message={t('delete.message', { title: trip.title })}
        confirmLabel={t('delete.confirm')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => remove.mutate({ tripId: trip.id })}
        onCancel={() => setOpen(null)}
      />
      <Dialog
        open={failure !== null}
        onClose={() => setFailure(null)}
        title={t('actions.failedTitle')}
        role="alertdialog"
        size="sm"
        footer={
          <Button variant="primary" data-autofocus onClick={() => setFailure(null)}>
            {t('common:actions.close')}
          </Button>
        }
      >
        <p className="text-sm text-slate-700">{failure !== null ? errorMessage(failure, t) : ''}</p>
      </Dialog>
    </>
  );
}
