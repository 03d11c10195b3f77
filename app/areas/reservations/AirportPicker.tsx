// A combobox over the offline airport list: type a code, city or name; arrows move, Enter picks, Escape closes.
import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '~/utils/trpc';
import { inputClass } from '~/components/planner/ui';

export interface PickedAirport {
  iata: string;
  name: string;
  city: string;
  tz: string;
}

export function AirportPicker({ label, value, onChange }: { label: string; value: PickedAirport | null; onChange(airport: PickedAirport | null): void }) {
  const { t } = useTranslation('reservations');
  const trpc = useTRPC();
  const id = useId();
  const [query, setQuery] = useState(value ? `${value.iata} · ${value.city}` : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useQuery({ ...trpc.reservations.searchAirports.queryOptions({ query: query.trim(), limit: 8 }), enabled: open && query.trim().length >= 2 });
  const options = search.data?.airports ?? [];
  const pick = (a: PickedAirport) => {
    onChange(a);
    setQuery(`${a.iata} · ${a.city}`);
    setOpen(false);
  };
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && open && options[active]) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }
  return (
    <div className="relative flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && options[active] ? `${id}-${options[active].iata}` : undefined}
        aria-autocomplete="list"
        placeholder={t('airportSearch')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        className={inputClass}
        autoComplete="off"
      />
      {open && query.trim().length >= 2 && (
        <ul id={`${id}-list`} role="listbox" className="absolute top-full z-20 mt-1 max-h-56 w-full overflow-auto rounded-md border border-slate-200 bg-white shadow-lg">
          {search.isSuccess && options.length === 0 && <li className="px-3 py-2 text-slate-500">{t('noAirports')}</li>}
          {options.map((a, i) => (
            <li
              key={a.iata}
              id={`${id}-${a.iata}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(a);
              }}
              className={`cursor-pointer px-3 py-2 ${i === active ? 'bg-indigo-50' : ''}`}
            >
              <span className="font-mono font-semibold">{a.iata}</span> · {a.city} <span className="text-slate-500">— {a.name}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
