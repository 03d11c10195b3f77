// Date and time fields that follow the app language and the user's clock and week start, not the browser's
// (decision 033). The value stays "YYYY-MM-DD" / "HH:mm" (and "" when empty), so procedures are unchanged.
//   <DateField label="Start date" value={iso} onChange={(iso) => …} />   type a date, or open the calendar
//   <TimeField label="Time" value={hm} onChange={(hm) => …} />
// Typing commits as soon as the text is a whole date or time (ISO is always understood); a calendar button opens a
// month grid: arrow keys move by day and week (mirrored right to left), Page Up/Down by month, Home/End to the week's
// ends, Enter picks, Escape closes.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, inputClasses } from './Field';
import { useDisplay } from '~/utils/display';
import { formatDateInput, formatTimeInput, monthGrid, parseDateInput, parseTimeInput, shiftDate } from '~/domain/date-input';

interface Common {
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  /** carries the value in a plain form post */
  name?: string;
  id?: string;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
}

/** The text shown for a value; re-derived when the value changes from outside, kept while the person types. */
function useTypedText(value: string, format: (v: string) => string, parse: (text: string) => string | null) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    setText((current) => (parse(current) === value || (value === '' && current.trim() === '') ? current : format(value)));
    // only an outside change of the value resets the text
  }, [value]);
  return [text, setText] as const;
}

export function DateField({ label, value, onChange, name, id, error, hint, required, disabled, className, min, max, ...rest }: Common & { min?: string; max?: string }) {
  const { t, i18n } = useTranslation('display');
  const language = i18n.language;
  const parse = (text: string) => parseDateInput(text, language);
  const [text, setText] = useTypedText(value, (v) => formatDateInput(v, language), parse);
  const [open, setOpen] = useState(false);
  const placeholder = formatDateInput('2027-12-24', language).replace('2027', t('date.yyyy')).replace('12', t('date.mm')).replace('24', t('date.dd'));
  const invalid = text.trim() !== '' && !parse(text);
  return (
    <Field label={label} error={error ?? (invalid ? t('date.invalid', { example: formatDateInput('2027-12-24', language) }) : null)} hint={hint} required={required} id={id} className={className}>
      {(ids) => (
        <div className="relative flex gap-1">
          <input
            id={ids.id}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            aria-label={rest['aria-label']}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            className={`${inputClasses} text-start`}
            placeholder={placeholder}
            value={text}
            required={required}
            disabled={disabled}
            data-value={value}
            onChange={(event) => {
              setText(event.target.value);
              const iso = parse(event.target.value);
              if (iso) onChange(iso);
              else if (event.target.value.trim() === '') onChange('');
            }}
            onBlur={() => {
              const iso = parse(text);
              if (iso) setText(formatDateInput(iso, language));
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' && event.altKey) {
                event.preventDefault();
                setOpen(true);
              }
            }}
          />
          {name && <input type="hidden" name={name} value={value} />}
          <button
            type="button"
            className="shrink-0 rounded-md border border-slate-300 px-2 text-slate-600 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:opacity-50"
            aria-label={t('date.openCalendar')}
            aria-expanded={open}
            disabled={disabled}
            onClick={() => setOpen((o) => !o)}
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
              <rect x="3" y="4" width="14" height="13" rx="2" />
              <path d="M3 8h14M7 2v4M13 2v4" />
            </svg>
          </button>
          {open && (
            <CalendarPopup
              value={parse(text) ?? value}
              min={min}
              max={max}
              onPick={(iso) => {
                setText(formatDateInput(iso, language));
                onChange(iso);
                setOpen(false);
              }}
              onClose={() => setOpen(false)}
            />
          )}
        </div>
      )}
    </Field>
  );
}

function CalendarPopup({ value, min, max, onPick, onClose }: { value: string; min?: string; max?: string; onPick(iso: string): void; onClose(): void }) {
  const { t, i18n } = useTranslation('display');
  const language = i18n.language;
  const { weekStartDay } = useDisplay();
  const today = new Date().toISOString().slice(0, 10);
  const [focused, setFocused] = useState(value || min || today);
  const grid = useRef<HTMLDivElement>(null);
  const labelId = useId();
  const [year, month] = focused.split('-').map(Number);
  const rtl = i18n.dir(language) === 'rtl';
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused]);
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' });
  const monthTitle = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  const outside = (iso: string) => (!!min && iso < min) || (!!max && iso > max);
  const move = (event: KeyboardEvent) => {
    const side = rtl ? -1 : 1;
    const weekPos = (new Date(`${focused}T00:00:00Z`).getUTCDay() - weekStartDay + 7) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => shiftDate(focused, { days: -side }),
      ArrowRight: () => shiftDate(focused, { days: side }),
      ArrowUp: () => shiftDate(focused, { days: -7 }),
      ArrowDown: () => shiftDate(focused, { days: 7 }),
      PageUp: () => shiftDate(focused, { months: -1 }),
      PageDown: () => shiftDate(focused, { months: 1 }),
      Home: () => shiftDate(focused, { days: -weekPos }),
      End: () => shiftDate(focused, { days: 6 - weekPos }),
    };
    if (moves[event.key]) {
      event.preventDefault();
      setFocused(moves[event.key]());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // a dialog around the field stays open
      onClose();
    }
  };
  return (
    <div role="dialog" aria-modal="false" aria-labelledby={labelId} className="absolute start-0 top-full z-50 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-3 shadow-lg" data-testid="date-calendar" onKeyDown={move}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <button type="button" className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" aria-label={t('date.previousMonth')} onClick={() => setFocused(shiftDate(focused, { months: -1 }))}>
          <span aria-hidden>{rtl ? '›' : '‹'}</span>
        </button>
        <h2 id={labelId} className="text-sm font-semibold capitalize text-slate-900" aria-live="polite">
          {monthTitle}
        </h2>
        <button type="button" className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" aria-label={t('date.nextMonth')} onClick={() => setFocused(shiftDate(focused, { months: 1 }))}>
          <span aria-hidden>{rtl ? '‹' : '›'}</span>
        </button>
      </div>
      <div role="grid" aria-labelledby={labelId} ref={grid} className="text-center text-xs">
        <div role="row" className="grid grid-cols-7">
          {Array.from({ length: 7 }, (_, i) => (weekStartDay + i) % 7).map((d) => (
            <span role="columnheader" key={d} className="py-1 font-medium text-slate-500">
              {weekday.format(new Date(Date.UTC(2024, 0, 7 + d)))}
            </span>
          ))}
        </div>
        {monthGrid(year, month - 1, weekStartDay).map((week, w) => (
          <div role="row" key={w} className="grid grid-cols-7">
            {week.map((iso, i) =>
              iso ? (
                <span role="gridcell" key={iso} aria-selected={iso === value}>
                  <button
                    type="button"
                    data-date={iso}
                    tabIndex={iso === focused ? 0 : -1}
                    disabled={outside(iso)}
                    aria-label={long.format(new Date(`${iso}T00:00:00Z`))}
                    aria-current={iso === today ? 'date' : undefined}
                    className={`m-0.5 h-8 w-8 rounded-full text-sm focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:opacity-30 ${iso === value ? 'bg-indigo-600 text-white' : iso === today ? 'font-semibold text-indigo-700 hover:bg-slate-100' : 'text-slate-800 hover:bg-slate-100'}`}
                    onClick={() => onPick(iso)}
                  >
                    {Number(iso.slice(8))}
                  </button>
                </span>
              ) : (
                <span role="gridcell" key={`gap${i}`} />
              ),
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

export function TimeField({ label, value, onChange, name, id, error, hint, required, disabled, className, ...rest }: Common) {
  const { t, i18n } = useTranslation('display');
  const language = i18n.language;
  const { timeFormat } = useDisplay();
  const parse = (text: string) => parseTimeInput(text, language);
  const [text, setText] = useTypedText(value, (v) => formatTimeInput(v, language, timeFormat), parse);
  const invalid = text.trim() !== '' && !parse(text);
  return (
    <Field label={label} error={error ?? (invalid ? t('time.invalid', { example: formatTimeInput('14:30', language, timeFormat) }) : null)} hint={hint} required={required} id={id} className={className}>
      {(ids) => (
        <>
          <input
            id={ids.id}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            aria-label={rest['aria-label']}
            type="text"
            autoComplete="off"
            dir="ltr"
            className={`${inputClasses} text-start`}
            placeholder={formatTimeInput('14:30', language, timeFormat)}
            value={text}
            required={required}
            disabled={disabled}
            data-value={value}
            onChange={(event) => {
              setText(event.target.value);
              const hm = parse(event.target.value);
              if (hm) onChange(hm);
              else if (event.target.value.trim() === '') onChange('');
            }}
            onBlur={() => {
              const hm = parse(text);
              if (hm) setText(formatTimeInput(hm, language, timeFormat));
            }}
          />
          {name && <input type="hidden" name={name} value={value} />}
        </>
      )}
    </Field>
  );
}
