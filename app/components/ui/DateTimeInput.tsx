// Date and time fields that follow the app language and the user's clock and week start, not the browser's
// (decision 033). The value stays "YYYY-MM-DD" / "HH:mm" (and "" when empty), so procedures are unchanged.
//   <DateField label="Start date" value={iso} onChange={(iso) => …} />   type a date, or open the calendar
//   <TimeField label="Time" value={hm} onChange={(hm) => …} />
//   <DateTimeField label="Starts" value={"2027-12-24T14:30" or ''} onChange={…} />   what datetime-local gave
// Typing commits as soon as the text is a whole date or time (ISO is always understood; a whole "2027-12-24T14:30"
// typed or pasted into a DateTimeField's date fills both parts). Like a native input inside a <form>: Enter submits,
// and text that is not a date (or a date without its time) makes the form invalid, so it is never sent with a stale
// value. A calendar button (or Alt+↓ in the field) opens a month grid: arrow keys move by day and week (mirrored right
// to left), Page Up/Down by month, Home/End to the week's ends, Enter picks, Escape closes; focus returns to the field.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, inputClasses } from './Field';
import { useDisplay } from '~/utils/display';
import { formatDateInput, formatTimeInput, joinDateTime, monthGrid, parseDateInput, parseTimeInput, shiftDate, splitDateTime } from '~/domain/date-input';

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

interface Typed {
  text: string;
  /** the message while the text is not a whole date/time */
  problem: string | null;
  placeholder: string;
  /** the person typed: commit the value when the text is whole (or empty) */
  type(text: string): void;
  /** what the text says, else the value */
  current: string;
  /** show this value (formatted) without committing it */
  display(value: string): void;
  /** show this value (formatted) and commit it */
  show(value: string): void;
  /** on leaving the field: the text takes the language's form */
  settle(): void;
}

interface TypedFormat {
  format(value: string): string;
  /** the value the text says, or null while it is not a whole one */
  parse(text: string): string | null;
  /** the message while the text is not whole; it gets the formatted example as `example` */
  problemKey: 'date.invalid' | 'time.invalid';
  /** a value shown in the message */
  example: string;
  placeholder: string;
}

/**
 * A value typed as text: the text is re-derived when the value changes from outside and kept while the person types;
 * the value is committed as soon as the text is whole (or empty).
 */
function useTypedValue(value: string, onChange: (value: string) => void, { format, parse, problemKey, example, placeholder }: TypedFormat): Typed {
  const { t } = useTranslation('display');
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    setText((current) => (parse(current) === value || (value === '' && current.trim() === '') ? current : format(value)));
    // only an outside change of the value resets the text
  }, [value]);
  return {
    text,
    problem: text.trim() !== '' && !parse(text) ? t(problemKey, { example: format(example) }) : null,
    placeholder,
    type(next) {
      setText(next);
      const parsed = parse(next);
      if (parsed) onChange(parsed);
      else if (next.trim() === '') onChange('');
    },
    current: parse(text) ?? value,
    display: (v) => setText(format(v)),
    show(v) {
      setText(format(v));
      onChange(v);
    },
    settle() {
      const parsed = parse(text);
      if (parsed) setText(format(parsed));
    },
  };
}

function useDateText(value: string, onChange: (iso: string) => void): Typed {
  const { t, i18n } = useTranslation('display');
  const language = i18n.language;
  const format = (iso: string) => formatDateInput(iso, language);
  return useTypedValue(value, onChange, {
    format,
    parse: (text) => parseDateInput(text, language),
    problemKey: 'date.invalid',
    example: '2027-12-24',
    placeholder: format('2027-12-24').replace('2027', t('date.yyyy')).replace('12', t('date.mm')).replace('24', t('date.dd')),
  });
}

function useTimeText(value: string, onChange: (hm: string) => void): Typed {
  const { i18n } = useTranslation('display');
  const language = i18n.language;
  const { timeFormat } = useDisplay();
  const format = (hm: string) => formatTimeInput(hm, language, timeFormat);
  return useTypedValue(value, onChange, { format, parse: (text) => parseTimeInput(text, language), problemKey: 'time.invalid', example: '14:30', placeholder: format('14:30') });
}

interface InputProps {
  typed: Typed;
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  /** what makes the form invalid (the browser's own check blocks submitting, as for a native date input) */
  validity: string | null;
  'aria-label'?: string;
  required?: boolean;
  disabled?: boolean;
}

function useValidity(message: string | null) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.setCustomValidity(message ?? '');
  }, [message]);
  return ref;
}

function DateInput({ typed, id, describedBy, invalid, validity, required, disabled, min, max, onDateTime, ...rest }: InputProps & { min?: string; max?: string; onDateTime?(value: string): boolean }) {
  const { t } = useTranslation('display');
  const [open, setOpen] = useState(false);
  const input = useValidity(validity);
  const close = () => {
    setOpen(false);
    input.current?.focus();
  };
  return (
    <div className="relative flex gap-1">
      <input
        ref={input}
        id={id}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-label={rest['aria-label']}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        dir="ltr"
        className={`${inputClasses} text-start`}
        placeholder={typed.placeholder}
        value={typed.text}
        required={required}
        disabled={disabled}
        onChange={(event) => {
          if (!onDateTime?.(event.target.value)) typed.type(event.target.value);
        }}
        onBlur={typed.settle}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && event.altKey) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      />
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
          value={typed.current}
          min={min}
          max={max}
          onPick={(iso) => {
            typed.show(iso);
            close();
          }}
          onClose={close}
        />
      )}
    </div>
  );
}

function TimeInput({ typed, id, describedBy, invalid, validity, required, disabled, className = inputClasses, onBlur, ...rest }: InputProps & { className?: string; onBlur?(): void }) {
  const input = useValidity(validity);
  return (
    <input
      ref={input}
      id={id}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-label={rest['aria-label']}
      type="text"
      autoComplete="off"
      dir="ltr"
      className={`${className} text-start`}
      placeholder={typed.placeholder}
      value={typed.text}
      required={required}
      disabled={disabled}
      onChange={(event) => typed.type(event.target.value)}
      onBlur={() => {
        typed.settle();
        onBlur?.();
      }}
    />
  );
}

export function DateField({ label, value, onChange, name, id, error, hint, required, disabled, className, min, max, ...rest }: Common & { min?: string; max?: string }) {
  const typed = useDateText(value, onChange);
  return (
    <Field label={label} error={error ?? typed.problem} hint={hint} required={required} id={id} className={className}>
      {(ids) => (
        <>
          <DateInput typed={typed} {...ids} validity={typed.problem} aria-label={rest['aria-label']} required={required} disabled={disabled} min={min} max={max} />
          {name && <input type="hidden" name={name} value={value} />}
        </>
      )}
    </Field>
  );
}

export function TimeField({ label, value, onChange, name, id, error, hint, required, disabled, className, ...rest }: Common) {
  const typed = useTimeText(value, onChange);
  return (
    <Field label={label} error={error ?? typed.problem} hint={hint} required={required} id={id} className={className}>
      {(ids) => (
        <>
          <TimeInput typed={typed} {...ids} validity={typed.problem} aria-label={rest['aria-label']} required={required} disabled={disabled} />
          {name && <input type="hidden" name={name} value={value} />}
        </>
      )}
    </Field>
  );
}

/** A bare time box without label or message (its name in `aria-label`), for compact rows; `onBlur` after settling. */
export function TimeBox({ value, onChange, className, onBlur, id, ...rest }: { value: string; onChange(hm: string): void; 'aria-label': string; className?: string; onBlur?(): void; id?: string }) {
  const typed = useTimeText(value, onChange);
  const autoId = useId();
  return (
    <TimeInput
      typed={typed}
      id={id ?? autoId}
      describedBy={undefined}
      invalid={!!typed.problem}
      validity={typed.problem}
      aria-label={rest['aria-label']}
      className={className}
      onBlur={() => {
        // a half-typed time is not saved; its message stays on the box
        if (!typed.problem) onBlur?.();
      }}
    />
  );
}

/**
 * A date and a time side by side; the value is "YYYY-MM-DDTHH:mm" or '' — exactly what a `datetime-local` input gave.
 * The label names the date part; the time part is named "<label> – time". Half filled in, the value is '' and the
 * missing half says so (and holds the form back).
 */
export function DateTimeField({ label, value, onChange, name, id, error, hint, required, disabled, className, min, max }: Omit<Common, 'label' | 'aria-label'> & { label: string; min?: string; max?: string }) {
  const { t } = useTranslation('display');
  const [parts, setParts] = useState(() => splitDateTime(value));
  useEffect(() => {
    // an outside change of the value resets both parts; a half-filled pair (value '') stays as typed
    setParts((current) => (joinDateTime(current.date, current.time) === value ? current : splitDateTime(value)));
  }, [value]);
  const update = (next: { date: string; time: string }) => {
    setParts(next);
    const joined = joinDateTime(next.date, next.time);
    if (joined !== value) onChange(joined);
  };
  const date = useDateText(parts.date, (d) => update({ ...parts, date: d }));
  const time = useTimeText(parts.time, (hm) => update({ ...parts, time: hm }));
  const missing = !parts.date && parts.time && date.text.trim() === '' ? 'date' : parts.date && !parts.time && time.text.trim() === '' ? 'time' : null;
  const incomplete = missing ? t('dateTime.incomplete') : null;
  const problem = date.problem ?? time.problem ?? incomplete;
  return (
    <Field label={label} error={error ?? problem} hint={hint} required={required} id={id} className={className}>
      {(ids) => (
        <div className="flex flex-wrap gap-2">
          <div className="min-w-[9rem] flex-[3]">
            <DateInput
              typed={date}
              {...ids}
              validity={date.problem ?? (missing === 'date' ? incomplete : null)}
              required={required}
              disabled={disabled}
              min={min}
              max={max}
              onDateTime={(text) => {
                const whole = splitDateTime(text);
                if (!whole.date || !parseDateInput(whole.date, 'en')) return false;
                date.display(whole.date);
                time.display(whole.time);
                update(whole);
                return true;
              }}
            />
          </div>
          <div className="min-w-[6rem] flex-[2]">
            <TimeInput
              typed={time}
              id={`${ids.id}-time`}
              describedBy={ids.describedBy}
              invalid={ids.invalid}
              validity={time.problem ?? (missing === 'time' ? incomplete : null)}
              aria-label={t('dateTime.timeOf', { label })}
              required={required}
              disabled={disabled}
            />
          </div>
          {name && <input type="hidden" name={name} value={value} />}
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
