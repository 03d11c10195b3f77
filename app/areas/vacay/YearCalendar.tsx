// The year calendar: twelve months, each person's booked days in their colour, company and public holidays, and
// weekends. Click a day to book or free it, drag across days to book or free them all, or move with the arrow keys
// (Home/End: week start/end, PageUp/PageDown: month) and press Space or Enter.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '~/domain/dates';
import { monthGrid } from '~/domain/date-input';
import { dateSpan } from './calendar';
import { weekdayOf } from './rules';

export interface CalendarPerson {
  id: number;
  displayName: string;
  color: string;
}

export interface DayInfo {
  /** who booked the day, in plan order */
  people: CalendarPerson[];
  companyHoliday: { note: string } | null;
  publicHolidays: { name: string; color: string; label: string | null }[];
}

interface Props {
  year: number;
  /** 0 = Sunday … 6 = Saturday */
  weekStart: number;
  weekendDays: number[];
  meId: number;
  dayInfo(date: string): DayInfo;
  /** a click or the keyboard on one day */
  onToggle(date: string): void;
  /** a drag from one day to another: book (true) or free (false) them all */
  onRange(dates: string[], book: boolean): void;
  busy: boolean;
}

function contrastText(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return r * 0.299 + g * 0.587 + b * 0.114 > 160 ? '#0f172a' : '#ffffff';
}

export function YearCalendar({ year, weekStart, weekendDays, meId, dayInfo, onToggle, onRange, busy }: Props) {
  const { t, i18n } = useTranslation('vacay');
  const language = i18n.language;
  const today = new Date().toISOString().slice(0, 10);
  const [focused, setFocused] = useState(() => (today.startsWith(String(year)) ? today : `${year}-01-01`));
  const [drag, setDrag] = useState<{ from: string; to: string; book: boolean } | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const focusDate = focused.startsWith(String(year)) ? focused : `${year}-01-01`;

  const monthName = useMemo(() => new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }), [language]);
  const weekdayShort = useMemo(() => new Intl.DateTimeFormat(language, { weekday: 'narrow', timeZone: 'UTC' }), [language]);
  const longDate = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }), [language]);
  const dayNumber = useMemo(() => new Intl.NumberFormat(language), [language]);
  // 2023-01-01 was a Sunday: weekday names in the week's order.
  const weekdays = Array.from({ length: 7 }, (_, i) => (weekStart + i) % 7);
  const weekdayLabel = (d: number) => weekdayShort.format(new Date(Date.UTC(2023, 0, 1 + d)));
  const dragged = drag ? new Set(dateSpan(drag.from, drag.to)) : null;

  const moveTo = (date: string) => {
    if (!date.startsWith(String(year))) return;
    setFocused(date);
    requestAnimationFrame(() => grid.current?.querySelector<HTMLElement>(`[data-date="${date}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, date: string) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 7, ArrowUp: -7 };
    if (event.key in step) {
      event.preventDefault();
      moveTo(addDays(date, step[event.key]));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const offset = (weekdayOf(date) - weekStart + 7) % 7;
      moveTo(addDays(date, event.key === 'Home' ? -offset : 6 - offset));
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + (event.key === 'PageDown' ? 1 : -1));
      moveTo(d.toISOString().slice(0, 10));
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (!busy) onToggle(date);
    }
  };

  const finishDrag = () => {
    if (!drag) return;
    const dates = dateSpan(drag.from, drag.to);
    setDrag(null);
    if (busy) return;
    if (dates.length === 1) onToggle(dates[0]);
    else onRange(dates, drag.book);
  };

  return (
    <div
      ref={grid}
      className="grid select-none gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
      data-testid="vacay-calendar"
      aria-busy={busy}
      onPointerUp={finishDrag}
      onPointerLeave={() => drag && finishDrag()}
    >
      {Array.from({ length: 12 }, (_, month) => (
        <section key={month} aria-label={`${monthName.format(new Date(Date.UTC(year, month, 1)))} ${year}`} className="rounded-lg border border-slate-200 bg-white p-2">
          <h3 className="mb-1 text-sm font-semibold capitalize text-slate-800">{monthName.format(new Date(Date.UTC(year, month, 1)))}</h3>
          <div role="grid" aria-label={monthName.format(new Date(Date.UTC(year, month, 1)))} className="text-center text-xs">
            <div role="row" className="grid grid-cols-7">
              {weekdays.map((d) => (
                <span role="columnheader" key={d} className={`py-0.5 font-medium ${weekendDays.includes(d) ? 'text-slate-400' : 'text-slate-500'}`}>
                  {weekdayLabel(d)}
                </span>
              ))}
            </div>
            {monthGrid(year, month, weekStart).map((week, w) => (
              <div role="row" key={w} className="grid grid-cols-7">
                {week.map((date, i) => {
                  if (!date) return <span role="gridcell" key={i} />;
                  const info = dayInfo(date);
                  const mine = info.people.some((p) => p.id === meId);
                  const weekend = weekendDays.includes(weekdayOf(date));
                  const holiday = info.publicHolidays[0];
                  const first = info.people[0];
                  const background = first ? first.color : info.companyHoliday ? '#e2e8f0' : holiday ? holiday.color : weekend ? '#f8fafc' : undefined;
                  const names = [
                    longDate.format(new Date(`${date}T00:00:00Z`)),
                    ...info.people.map((p) => t('calendar.booked', { name: p.displayName })),
                    ...(info.companyHoliday ? [t('calendar.companyHoliday', { note: info.companyHoliday.note || t('legend.companyHoliday') })] : []),
                    ...info.publicHolidays.map((h) => (h.label ? `${h.name} (${h.label})` : h.name)),
                  ];
                  return (
                    <div
                      role="gridcell"
                      key={date}
                      data-date={date}
                      data-testid={`vacay-day-${date}`}
                      data-mine={mine ? 'true' : 'false'}
                      data-people={info.people.map((p) => p.id).join(',')}
                      data-company-holiday={info.companyHoliday ? 'true' : 'false'}
                      data-public-holiday={holiday ? 'true' : 'false'}
                      aria-selected={mine}
                      aria-label={names.join(' · ')}
                      title={names.slice(1).join('\n') || undefined}
                      tabIndex={date === focusDate ? 0 : -1}
                      onFocus={() => setFocused(date)}
                      onKeyDown={(event) => onKeyDown(event, date)}
                      onPointerDown={(event) => {
                        if (event.button !== 0) return;
                        event.preventDefault();
                        setFocused(date);
                        (event.currentTarget as HTMLElement).focus();
                        setDrag({ from: date, to: date, book: !mine });
                      }}
                      onPointerEnter={() => drag && setDrag({ ...drag, to: date })}
                      className={`relative m-px flex h-7 cursor-pointer items-center justify-center rounded text-[11px] outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${
                        dragged?.has(date) ? 'ring-2 ring-indigo-400' : ''
                      } ${date === today ? 'font-bold underline' : ''} ${weekend && !first ? 'text-slate-400' : 'text-slate-800'}`}
                      style={{
                        background: info.people.length > 1 ? `linear-gradient(135deg, ${info.people.map((p, k) => `${p.color} ${(k * 100) / info.people.length}% ${((k + 1) * 100) / info.people.length}%`).join(', ')})` : background,
                        color: first ? contrastText(first.color) : undefined,
                        boxShadow: holiday && first ? `inset 0 0 0 2px ${holiday.color}` : info.companyHoliday && first ? 'inset 0 0 0 2px #64748b' : undefined,
                      }}
                    >
                      {dayNumber.format(Number(date.slice(8)))}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
