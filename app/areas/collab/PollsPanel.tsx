// Polls: results as bars (live), voting by clicking an option, a dialog to start a poll; the author or the trip
// owner can close or delete one.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Button, ConfirmDialog, DateTimeField, Dialog, EmptyState, Spinner, TextField } from '~/components/ui';
import { COLLAB_LIMITS } from './rules';
import { useFormatWhen, useMe } from './people';
import type { CollabListedPoll } from './events';

export function PollsPanel({ tripId }: { tripId: number }) {
  const { t } = useTranslation('collab');
  const trpc = useTRPC();
  const me = useMe();
  const queryClient = useQueryClient();
  const polls = useQuery(trpc.collab.listCollabPolls.queryOptions({ tripId }));
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const isOwner = !!me && summary.data?.trip.ownerId === me.id;
  const [creating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<CollabListedPoll | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.collab.listCollabPolls.queryKey({ tripId }) });
  const vote = useMutation(trpc.collab.voteCollabPoll.mutationOptions({ onSettled: refresh }));
  const close = useMutation(trpc.collab.closeCollabPoll.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(
    trpc.collab.deleteCollabPoll.mutationOptions({
      onSuccess: async () => {
        setToDelete(null);
        await refresh();
      },
    }),
  );

  if (polls.isLoading) return <Spinner label={t('loading')} />;
  if (polls.error || !polls.data) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-white p-4 text-sm text-red-700">
        {errorMessage(polls.error, t)}{' '}
        <Button size="sm" onClick={() => void polls.refetch()}>
          {t('retry')}
        </Button>
      </div>
    );
  }
  const actionError = vote.error ?? close.error;
  return (
    <section aria-labelledby="collab-polls-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="collab-polls-heading" className="text-lg font-semibold text-slate-900">
          {t('polls.heading')}
        </h2>
        <Button variant="primary" onClick={() => setCreating(true)} data-testid="poll-new">
          {t('polls.new')}
        </Button>
      </div>
      {actionError && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(actionError, t)}
        </p>
      )}
      {polls.data.polls.length === 0 ? (
        <EmptyState title={t('polls.empty')} description={t('polls.emptyHint')} icon="📊" testId="polls-empty" />
      ) : (
        <ul className="space-y-3">
          {polls.data.polls.map((poll) => (
            <PollCard
              key={poll.id}
              poll={poll}
              canManage={isOwner || poll.author?.id === me?.id}
              busy={vote.isPending && vote.variables?.pollId === poll.id}
              onVote={(optionIndex) => vote.mutate({ tripId, pollId: poll.id, optionIndex })}
              onClose={() => close.mutate({ tripId, pollId: poll.id })}
              onDelete={() => setToDelete(poll)}
            />
          ))}
        </ul>
      )}
      {creating && <PollDialog tripId={tripId} onClose={() => setCreating(false)} />}
      <ConfirmDialog
        open={!!toDelete}
        title={t('polls.deleteTitle')}
        message={t('polls.deleteMessage', { question: toDelete?.question ?? '' })}
        confirmLabel={t('delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => toDelete && remove.mutate({ tripId, pollId: toDelete.id })}
        onCancel={() => setToDelete(null)}
      />
    </section>
  );
}

function PollCard(props: {
  poll: CollabListedPoll;
  canManage: boolean;
  busy: boolean;
  onVote(index: number): void;
  onClose(): void;
  onDelete(): void;
}) {
  const { t } = useTranslation('collab');
  const formatWhen = useFormatWhen();
  const { poll } = props;
  const total = poll.options.reduce((sum, o) => sum + o.count, 0);
  const headingId = `poll-${poll.id}-question`;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="poll-card" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="font-semibold text-slate-900" dir="auto">
          {poll.question}
        </h3>
        {poll.closed && (
          <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700" data-testid="poll-closed">
            {t('polls.closed')}
          </span>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {[
          t('polls.byline', { author: poll.author?.displayName ?? t('someone') }),
          poll.multiple ? t('polls.multiple') : t('polls.single'),
          poll.anonymous ? t('polls.anonymous') : null,
          poll.deadline ? t(poll.closed ? 'polls.endedAt' : 'polls.endsAt', { when: formatWhen(poll.deadline) }) : null,
          t('polls.voters', { count: poll.voterCount }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <ul className="mt-3 space-y-2" aria-label={t('polls.results')}>
        {poll.options.map((option) => {
          const share = total ? Math.round((option.count / total) * 100) : 0;
          const mine = poll.myVotes.includes(option.index);
          return (
            <li key={option.index}>
              <button
                type="button"
                disabled={poll.closed || props.busy}
                aria-pressed={mine}
                onClick={() => props.onVote(option.index)}
                data-testid="poll-option"
                className={`relative block w-full overflow-hidden rounded-md border px-3 py-2 text-start text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:cursor-default ${
                  mine ? 'border-indigo-500' : 'border-slate-200'
                }`}
              >
                <span aria-hidden className={`absolute inset-y-0 start-0 ${mine ? 'bg-indigo-100' : 'bg-slate-100'}`} style={{ width: `${share}%` }} data-testid="poll-bar" />
                <span className="relative flex items-center justify-between gap-2">
                  <span dir="auto">
                    {mine && <span aria-hidden>✓ </span>}
                    {option.label}
                  </span>
                  <span className="shrink-0 tabular-nums text-slate-600" data-testid="poll-count">
                    {t('polls.votes', { count: option.count })} · {share}%
                  </span>
                </span>
              </button>
              {option.voters.length > 0 && (
                <p className="mt-0.5 ps-3 text-xs text-slate-500">{option.voters.map((v) => v.displayName).join(', ')}</p>
              )}
            </li>
          );
        })}
      </ul>
      {props.canManage && (
        <div className="mt-3 flex gap-2">
          {!poll.closed && (
            <Button size="sm" onClick={props.onClose}>
              {t('polls.close')}
            </Button>
          )}
          <Button size="sm" variant="danger" onClick={props.onDelete}>
            {t('delete')}
          </Button>
        </div>
      )}
    </li>
  );
}

function PollDialog({ tripId, onClose }: { tripId: number; onClose(): void }) {
  const { t } = useTranslation('collab');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);
  const [multiple, setMultiple] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [deadline, setDeadline] = useState('');
  const create = useMutation(
    trpc.collab.createCollabPoll.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.collab.listCollabPolls.queryKey({ tripId }) });
        onClose();
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      tripId,
      question,
      options: options.map((o) => o.trim()).filter(Boolean),
      multiple,
      anonymous,
      // datetime-local is the user's local time; the server takes an instant.
      deadline: deadline ? new Date(deadline).toISOString() : null,
    });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('polls.newTitle')}
      testId="poll-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="poll-form" busy={create.isPending}>
            {t('polls.create')}
          </Button>
        </>
      }
    >
      <form id="poll-form" onSubmit={onSubmit} className="space-y-3">
        {create.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(create.error, t)}
          </p>
        )}
        <TextField label={t('polls.question')} required maxLength={COLLAB_LIMITS.question} value={question} onChange={(e) => setQuestion(e.target.value)} data-autofocus />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t('polls.options')}</legend>
          {options.map((option, i) => (
            <div key={i} className="flex items-end gap-2">
              <TextField
                className="flex-1"
                label={t('polls.option', { n: i + 1 })}
                maxLength={COLLAB_LIMITS.optionLabel}
                value={option}
                onChange={(e) => setOptions(options.map((o, j) => (j === i ? e.target.value : o)))}
              />
              {options.length > COLLAB_LIMITS.minOptions && (
                <Button size="sm" variant="ghost" aria-label={t('polls.removeOption', { n: i + 1 })} onClick={() => setOptions(options.filter((_, j) => j !== i))}>
                  ✕
                </Button>
              )}
            </div>
          ))}
          {options.length < COLLAB_LIMITS.maxOptions && (
            <Button size="sm" onClick={() => setOptions([...options, ''])}>
              {t('polls.addOption')}
            </Button>
          )}
        </fieldset>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
          {t('polls.allowMultiple')}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('polls.makeAnonymous')}
        </label>
        <DateTimeField label={t('polls.deadline')} hint={t('polls.deadlineHint')} value={deadline} onChange={setDeadline} />
      </form>
    </Dialog>
  );
}
