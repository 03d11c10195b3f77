// Notes on one day: each with an icon, an optional time label ("09:30", "Morning") and text; add, edit, delete.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { useDisplayFormat } from '~/utils/display';
import { DAY_NOTE_ICONS, NOTE_ICONS, type DayNoteIcon } from '~/components/planner/icons';
import { btn, ConfirmDialog, ErrorText, inputClass } from '~/components/planner/ui';
import type { PlannerNote } from '~/components/planner/usePlanner';
import { Icon } from '~/components/planner/Icon';

interface Props {
  tripId: number;
  dayId: number;
  dayName: string;
  notes: PlannerNote[];
  onChanged: () => void;
}

export function DayNotes({ tripId, dayId, dayName, notes, onChanged }: Props) {
  const { t } = useTranslation('planner');
  const { clockTime } = useDisplayFormat();
  const trpc = useTRPC();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [toDelete, setToDelete] = useState<PlannerNote | null>(null);
  const remove = useMutation(
    trpc.dayNotes.deleteDayNote.mutationOptions({
      onSuccess: () => {
        setToDelete(null);
        onChanged();
      },
    })
  );
  return (
    <section aria-label={t('notes.label', { day: dayName })} className="mt-3">
      {notes.length > 0 && (
        <ul className="space-y-1.5">
          {notes.map((note) =>
            editing === note.id ? (
              <li key={note.id}>
                <NoteForm tripId={tripId} dayId={dayId} note={note} onDone={() => setEditing(null)} onSaved={onChanged} />
              </li>
            ) : (
              <li
                key={note.id}
                data-testid="day-note"
                className="group flex items-start gap-2 rounded-md bg-amber-50 px-2.5 py-1.5 text-sm text-amber-950"
              >
                <span aria-hidden className="mt-0.5">
                  <Icon name={NOTE_ICONS[note.icon as DayNoteIcon] ?? NOTE_ICONS.note} className="h-4 w-4 text-amber-700" />
                </span>
                <div className="min-w-0 flex-1">
                  {note.time && <span className="me-1.5 font-semibold">{clockTime(note.time)}</span>}{' '}
                  <span className="whitespace-pre-wrap break-words">{note.text}</span>
                </div>
                <div className="flex shrink-0 gap-0.5">
                  <button
                    type="button"
                    className={`${btn.icon} h-7 w-7`}
                    onClick={() => setEditing(note.id)}
                    aria-label={t('notes.edit')}
                    title={t('notes.edit')}
                  >
                    <Icon name="pencil" />
                  </button>
                  <button
                    type="button"
                    className={`${btn.icon} h-7 w-7 hover:text-red-700`}
                    onClick={() => setToDelete(note)}
                    aria-label={t('notes.delete')}
                    title={t('notes.delete')}
                  >
                    <Icon name="trash" />
                  </button>
                </div>
              </li>
            )
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <div className="mt-1.5">
          <NoteForm tripId={tripId} dayId={dayId} onDone={() => setEditing(null)} onSaved={onChanged} />
        </div>
      ) : (
        <button type="button" className={`${btn.ghost} mt-1 text-xs`} onClick={() => setEditing('new')}>
          <Icon name="plus" /> {t('notes.add')}
        </button>
      )}
      <ConfirmDialog
        open={!!toDelete}
        title={t('notes.deleteTitle')}
        message={t('notes.deleteMessage')}
        confirmLabel={t('action.delete')}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onCancel={() => setToDelete(null)}
        onConfirm={() => toDelete && remove.mutate({ tripId, noteId: toDelete.id })}
      />
    </section>
  );
}

function NoteForm({
  tripId,
  dayId,
  note,
  onDone,
  onSaved,
}: {
  tripId: number;
  dayId: number;
  note?: PlannerNote;
  onDone: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [text, setText] = useState(note?.text ?? '');
  const [time, setTime] = useState(note?.time ?? '');
  const [icon, setIcon] = useState<DayNoteIcon>((note?.icon as DayNoteIcon) ?? 'note');
  const done = () => {
    onSaved();
    onDone();
  };
  const create = useMutation(trpc.dayNotes.createDayNote.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.dayNotes.updateDayNote.mutationOptions({ onSuccess: done }));
  const error = create.error ?? update.error;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    if (note) update.mutate({ tripId, noteId: note.id, text: text.trim(), time: time.trim(), icon });
    else create.mutate({ tripId, dayId, text: text.trim(), time: time.trim(), icon });
  }
  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2.5"
    >
      <div className="flex gap-2">
        <select
          value={icon}
          onChange={(e) => setIcon(e.target.value as DayNoteIcon)}
          aria-label={t('notes.icon')}
          className={`${inputClass} w-auto`}
        >
          {DAY_NOTE_ICONS.map((i) => (
            <option key={i} value={i}>
              {t(`notes.icons.${i}`)}
            </option>
          ))}
        </select>
        <input
          value={time}
          onChange={(e) => setTime(e.target.value)}
          maxLength={50}
          placeholder={t('notes.timePlaceholder')}
          aria-label={t('notes.time')}
          className={`${inputClass} w-28`}
        />
      </div>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        required
        maxLength={5000}
        autoFocus
        aria-label={t('notes.text')}
        placeholder={t('notes.textPlaceholder')}
        className={inputClass}
      />
      <ErrorText>{error ? errorMessage(error, t) : null}</ErrorText>
      <div className="flex justify-end gap-2">
        <button type="button" className={btn.ghost} onClick={onDone}>
          {t('action.cancel')}
        </button>
        <button type="submit" className={btn.primary} disabled={create.isPending || update.isPending || !text.trim()}>
          {t('notes.save')}
        </button>
      </div>
    </form>
  );
}
