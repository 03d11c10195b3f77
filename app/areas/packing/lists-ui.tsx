// UI pieces the two list tabs (packing and to-dos) share: who is signed in, a progress bar, and the dialog that
// chooses the people responsible for a category.
import { useEffect, useState } from 'react';
import { useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog } from '~/components/ui';

export interface Person {
  id: number;
  displayName: string;
}

/** The signed-in user's id, from the root loader (area components do not import ~/root). */
export function useMyUserId(): number | null {
  return (useRouteLoaderData('root') as { user?: { id: number } | null } | undefined)?.user?.id ?? null;
}

export function ProgressBar({ checked, total, label, testId }: { checked: number; total: number; label: string; testId?: string }) {
  const value = total === 0 ? 0 : Math.round((checked / total) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={checked}
      aria-valuetext={`${checked}/${total}`}
      data-testid={testId}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className={`h-full rounded-full ${value === 100 ? 'bg-emerald-500' : 'bg-indigo-500'}`} style={{ width: `${value}%` }} />
    </div>
  );
}

/** Checkboxes for the trip's people; saves the chosen ids. `ns` is the namespace holding assign.* texts. */
export function PeopleDialog({
  open,
  title,
  people,
  selected,
  busy,
  error,
  onSave,
  onClose,
}: {
  open: boolean;
  title: string;
  people: Person[];
  selected: number[];
  busy?: boolean;
  error?: string | null;
  onSave(ids: number[]): void;
  onClose(): void;
}) {
  const { t } = useTranslation('packing');
  const [chosen, setChosen] = useState<number[]>(selected);
  useEffect(() => {
    if (open) setChosen(selected);
    // Reset only when the dialog opens.
  }, [open]);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" disabled={busy} onClick={() => onSave(chosen)}>
            {t('save')}
          </Button>
        </>
      }
    >
      <fieldset>
        <legend className="sr-only">{title}</legend>
        {people.map((p) => (
          <label key={p.id} className="flex items-center gap-2 py-1 text-sm text-slate-800">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={chosen.includes(p.id)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))}
            />
            {p.displayName}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </Dialog>
  );
}
