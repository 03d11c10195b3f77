// Shared notes: cards with rendered Markdown, pinned first; a dialog to write or edit one. Edits carry the version
// the editor started from: when someone else saved in between, the dialog shows their version and lets the user
// keep their own text (saving over it knowingly), take theirs, or copy theirs into the editor.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TRPCClientError } from '@trpc/client';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Button, ConfirmDialog, Dialog, EmptyState, Spinner, TextAreaField, TextField } from '~/components/ui';
import { renderMarkdown } from './markdown';
import { COLLAB_LIMITS, DEFAULT_NOTE_COLOR, NOTE_COLOR_NAMES, NOTE_COLORS } from './rules';
import { useFormatWhen, useMe } from './people';
import type { CollabNoteList } from './events';

type Note = CollabNoteList['notes'][number];

export function NotesPanel({ tripId }: { tripId: number }) {
  const { t } = useTranslation('collab');
  const formatWhen = useFormatWhen();
  const trpc = useTRPC();
  const me = useMe();
  const queryClient = useQueryClient();
  const notes = useQuery(trpc.collab.listCollabNotes.queryOptions({ tripId }));
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const isOwner = !!me && summary.data?.trip.ownerId === me.id;
  const [editing, setEditing] = useState<{ note?: Note } | null>(null);
  const [toDelete, setToDelete] = useState<Note | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.collab.listCollabNotes.queryKey({ tripId }) });
  const update = useMutation(trpc.collab.updateCollabNote.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(
    trpc.collab.deleteCollabNote.mutationOptions({
      onSuccess: async () => {
        setToDelete(null);
        await refresh();
      },
    }),
  );

  if (notes.isLoading) return <Spinner label={t('loading')} />;
  if (notes.error || !notes.data) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-white p-4 text-sm text-red-700">
        {errorMessage(notes.error, t)}{' '}
        <Button size="sm" onClick={() => void notes.refetch()}>
          {t('retry')}
        </Button>
      </div>
    );
  }
  const list = notes.data.notes;
  return (
    <section aria-labelledby="collab-notes-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="collab-notes-heading" className="text-lg font-semibold text-slate-900">
          {t('notes.heading')}
        </h2>
        <Button variant="primary" onClick={() => setEditing({})} data-testid="note-new">
          {t('notes.new')}
        </Button>
      </div>
      {update.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(update.error, t)}
        </p>
      )}
      {list.length === 0 ? (
        <EmptyState title={t('notes.empty')} description={t('notes.emptyHint')} icon="📝" testId="notes-empty" />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {list.map((note) => (
            <li
              key={note.id}
              data-testid="note-card"
              className="rounded-lg border border-slate-200 border-s-4 bg-white p-4 shadow-sm"
              style={{ borderInlineStartColor: note.color }}
            >
              <div className="flex items-start justify-between gap-2">
                <h3 className="font-semibold text-slate-900" dir="auto">
                  {note.pinned && (
                    <span className="me-1" role="img" aria-label={t('notes.pinned')}>
                      📌
                    </span>
                  )}
                  {note.title}
                </h3>
                <span className="shrink-0 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600" dir="auto">
                  {note.category}
                </span>
              </div>
              {note.content && (
                <div
                  className="collab-markdown prose prose-sm mt-2 max-w-none break-words text-sm text-slate-700 [&_a]:text-indigo-700 [&_a]:underline [&_li]:ms-4 [&_ol]:list-decimal [&_ul]:list-disc"
                  dir="auto"
                  data-testid="note-body"
                  // markdown-it with raw HTML off and only http(s)/mailto links: see markdown.ts.
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(note.content) }}
                />
              )}
              <p className="mt-3 text-xs text-slate-500">
                {t('notes.byline', { author: note.author?.displayName ?? t('someone'), when: formatWhen(note.createdAt) })}
                {note.lastEditor && note.version > 1 && (
                  <> · {t('notes.editedBy', { editor: note.lastEditor.displayName, when: formatWhen(note.updatedAt) })}</>
                )}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button size="sm" onClick={() => setEditing({ note })}>
                  {t('edit')}
                </Button>
                <Button
                  size="sm"
                  aria-pressed={note.pinned}
                  busy={update.isPending && update.variables?.noteId === note.id}
                  onClick={() => update.mutate({ tripId, noteId: note.id, pinned: !note.pinned, expectedVersion: note.version })}
                >
                  {note.pinned ? t('notes.unpin') : t('notes.pin')}
                </Button>
                {(isOwner || note.author?.id === me?.id) && (
                  <Button size="sm" variant="danger" onClick={() => setToDelete(note)}>
                    {t('delete')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing && <NoteDialog tripId={tripId} note={editing.note} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={!!toDelete}
        title={t('notes.deleteTitle')}
        message={t('notes.deleteMessage', { title: toDelete?.title ?? '' })}
        confirmLabel={t('delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => toDelete && remove.mutate({ tripId, noteId: toDelete.id })}
        onCancel={() => setToDelete(null)}
      />
    </section>
  );
}

const isConflict = (error: unknown) =>
  error instanceof TRPCClientError && (error.data as { i18n?: { key?: string } } | undefined)?.i18n?.key === 'errors.collabNoteConflict';

function NoteDialog({ tripId, note, onClose }: { tripId: number; note?: Note; onClose(): void }) {
  const { t } = useTranslation('collab');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.collab.listCollabNotes.queryKey({ tripId });
  // The note as the list holds it now (kept current by realtime events): compared with the version editing began at.
  const live = useQuery({ ...trpc.collab.listCollabNotes.queryOptions({ tripId }), select: (d) => d.notes.find((n) => n.id === note?.id) });
  const [base, setBase] = useState(note?.version ?? 0);
  const [form, setForm] = useState({
    title: note?.title ?? '',
    content: note?.content ?? '',
    category: note?.category ?? '',
    color: note?.color ?? DEFAULT_NOTE_COLOR,
    pinned: note?.pinned ?? false,
  });
  const [conflict, setConflict] = useState(false);
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: listKey });
    onClose();
  };
  const create = useMutation(trpc.collab.createCollabNote.mutationOptions({ onSuccess: done }));
  const update = useMutation(
    trpc.collab.updateCollabNote.mutationOptions({
      onSuccess: done,
      onError: async (error) => {
        if (!isConflict(error)) return;
        await queryClient.invalidateQueries({ queryKey: listKey });
        setConflict(true);
      },
    }),
  );
  const theirs = live.data;
  const changedMeanwhile = !!note && !!theirs && theirs.version !== base;
  const fields = { ...form, category: form.category.trim() || undefined };
  const save = (expectedVersion: number) =>
    note ? update.mutate({ tripId, noteId: note.id, ...fields, expectedVersion }) : create.mutate({ tripId, ...fields });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(base);
  };
  const error = create.error ?? (update.error && !isConflict(update.error) ? update.error : null);
  const deleted = !!note && live.isSuccess && !theirs;

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={note ? t('notes.editTitle') : t('notes.newTitle')}
      testId="note-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="note-form" busy={create.isPending || update.isPending} disabled={conflict || deleted}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form id="note-form" onSubmit={onSubmit} className="space-y-3">
        {deleted && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {t('notes.deletedMeanwhile')}
          </p>
        )}
        {changedMeanwhile && theirs && (
          <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="note-conflict">
            <p className="font-semibold">
              {conflict
                ? t('notes.conflict', { editor: theirs.lastEditor?.displayName ?? t('someone') })
                : t('notes.changedMeanwhile', { editor: theirs.lastEditor?.displayName ?? t('someone') })}
            </p>
            <details open={conflict}>
              <summary className="cursor-pointer">{t('notes.theirVersion')}</summary>
              <div className="mt-2 rounded bg-white p-2">
                <p className="font-medium" dir="auto">
                  {theirs.title}
                </p>
                <div className="text-slate-700" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(theirs.content) }} />
              </div>
            </details>
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="primary" data-testid="note-keep-mine" onClick={() => {
                setConflict(false);
                setBase(theirs.version);
                save(theirs.version);
              }}>
                {t('notes.keepMine')}
              </Button>
              <Button size="sm" data-testid="note-take-theirs" onClick={onClose}>
                {t('notes.takeTheirs')}
              </Button>
              <Button size="sm" onClick={() => {
                setForm({ title: theirs.title, content: theirs.content, category: theirs.category, color: theirs.color, pinned: theirs.pinned });
                setBase(theirs.version);
                setConflict(false);
              }}>
                {t('notes.editTheirs')}
              </Button>
            </div>
          </div>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(error, t)}
          </p>
        )}
        <TextField
          label={t('notes.title')}
          required
          maxLength={COLLAB_LIMITS.noteTitle}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
          data-autofocus
        />
        <TextAreaField
          label={t('notes.content')}
          hint={t('notes.markdownHint')}
          rows={8}
          maxLength={COLLAB_LIMITS.noteContent}
          value={form.content}
          onChange={(e) => setForm({ ...form, content: e.target.value })}
        />
        <TextField
          label={t('notes.category')}
          placeholder={t('notes.categoryPlaceholder')}
          maxLength={COLLAB_LIMITS.category}
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.target.value })}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('notes.color')}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {NOTE_COLORS.map((c, i) => (
              <label key={c} className="cursor-pointer">
                <input type="radio" name="note-color" value={c} checked={form.color === c} onChange={() => setForm({ ...form, color: c })} className="peer sr-only" />
                <span
                  className="block h-7 w-7 rounded-full ring-offset-2 peer-checked:ring-2 peer-checked:ring-slate-900 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-500"
                  style={{ backgroundColor: c }}
                />
                <span className="sr-only">{t(`notes.colors.${NOTE_COLOR_NAMES[i]}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={form.pinned} onChange={(e) => setForm({ ...form, pinned: e.target.checked })} />
          {t('notes.pinOnTop')}
        </label>
      </form>
    </Dialog>
  );
}
