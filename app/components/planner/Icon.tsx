// Line icons drawn as inline SVG (no icon font, no emoji font needed): categories, day-note icons and UI actions.
import type { ReactNode } from 'react';
import { categoryIcon, DEFAULT_PLACE_COLOR } from './icons';

const P = (d: string) => <path d={d} />;
const C = (cx: number, cy: number, r: number, fill = false) => <circle cx={cx} cy={cy} r={r} fill={fill ? 'currentColor' : 'none'} />;

const ICONS: Record<string, ReactNode> = {
  plus: P('M12 5v14M5 12h14'),
  trash: P('M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6'),
  pencil: P('M4 20l4-1L19 8l-3-3L5 16l-1 4zM14 7l3 3'),
  close: P('M6 6l12 12M18 6L6 18'),
  up: P('M12 19V5M6 11l6-6 6 6'),
  down: P('M12 5v14M6 13l6 6 6-6'),
  grip: (
    <>
      {C(9, 6, 1.3, true)}
      {C(15, 6, 1.3, true)}
      {C(9, 12, 1.3, true)}
      {C(15, 12, 1.3, true)}
      {C(9, 18, 1.3, true)}
      {C(15, 18, 1.3, true)}
    </>
  ),
  users: (
    <>
      {C(9, 8, 3.2)}
      {P('M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6')}
      {C(17, 9, 2.4)}
      {P('M16.5 14.2c2.7.3 4.5 2.5 4.5 5.8')}
    </>
  ),
  calendar: P('M5.5 5h13a2 2 0 012 2v11.5a2 2 0 01-2 2h-13a2 2 0 01-2-2V7a2 2 0 012-2zM3.5 10h17M8 3v4M16 3v4'),
  pin: (
    <>
      {P('M12 21s-6.5-6.2-6.5-11a6.5 6.5 0 0113 0c0 4.8-6.5 11-6.5 11z')}
      {C(12, 10, 2.3)}
    </>
  ),
  landmark: P('M3 21h18M4 10h16M12 3l8.5 5h-17L12 3zM6 10v8M10 10v8M14 10v8M18 10v8M4 18h16'),
  museum: (
    <>
      {P('M5 4h14a1 1 0 011 1v14a1 1 0 01-1 1H5a1 1 0 01-1-1V5a1 1 0 011-1zM4 16l5-5 4 4 3-3 4 4')}
      {C(15, 8.5, 1.5)}
    </>
  ),
  utensils: P('M7 3v18M4 3v5a3 3 0 006 0V3M17 21V3c-2 1.5-3 4-3 7v3h3'),
  coffee: P('M4 9h12v5a5 5 0 01-5 5H9a5 5 0 01-5-5V9zM16 10h2a2.5 2.5 0 010 5h-2M8 3v3M12 3v3'),
  wine: P('M8 3h8l-.5 6a3.5 3.5 0 01-7 0L8 3zM12 12.5V20M8 21h8'),
  bag: P('M5 8h14l-1 13H6L5 8zM9 8V6a3 3 0 016 0v2'),
  tree: P('M12 21v-6M12 3l-6 8h3l-3 4h12l-3-4h3l-6-8z'),
  ticket: P('M4 6h16a1 1 0 011 1v3a2 2 0 000 4v3a1 1 0 01-1 1H4a1 1 0 01-1-1v-3a2 2 0 000-4V7a1 1 0 011-1zM14 6v2M14 11v2M14 16v2'),
  bed: (
    <>
      {P('M3 19V6M3 14h18v5M21 14v-2a3 3 0 00-3-3h-7v5')}
      {C(7, 11, 2)}
    </>
  ),
  train: (
    <>
      {P('M9 3h6a3 3 0 013 3v8a3 3 0 01-3 3H9a3 3 0 01-3-3V6a3 3 0 013-3zM6 10h12M8 21l2-4M16 21l-2-4')}
      {C(9, 13.5, 0.8, true)}
      {C(15, 13.5, 0.8, true)}
    </>
  ),
  note: P('M7 3h10a2 2 0 012 2v14a2 2 0 01-2 2H7a2 2 0 01-2-2V5a2 2 0 012-2zM9 8h6M9 12h6M9 16h3'),
  bus: (
    <>
      {P('M7 4h10a2 2 0 012 2v11H5V6a2 2 0 012-2zM5 11h14M8 17v3M16 17v3')}
      {C(8.5, 14, 0.8, true)}
      {C(15.5, 14, 0.8, true)}
    </>
  ),
  info: (
    <>
      {C(12, 12, 9)}
      {P('M12 11v5M12 8h.01')}
    </>
  ),
  warning: P('M12 3.5l9.5 16.5h-19L12 3.5zM12 10v4M12 17h.01'),
  camera: (
    <>
      {P('M5 7h14a2 2 0 012 2v9a2 2 0 01-2 2H5a2 2 0 01-2-2V9a2 2 0 012-2zM8 7l1.5-3h5L16 7')}
      {C(12, 13.5, 3.5)}
    </>
  ),
  cart: (
    <>
      {P('M3 4h2l2.5 11h11l2-8H6.2')}
      {C(9, 19.5, 1.3)}
      {C(17, 19.5, 1.3)}
    </>
  ),
  walk: (
    <>
      {C(13, 4.5, 1.8)}
      {P('M9 21l3-7 3 3v4M12 14l1.5-6L9 10v3M13.5 8l1.5 3.5 3 1')}
    </>
  ),
};

export function Icon({ name, className = 'h-4 w-4' }: { name: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={`shrink-0 ${className}`}
    >
      {ICONS[name] ?? ICONS.pin}
    </svg>
  );
}

/** A place's category symbol in a tinted circle (the category's colour, grey without one). */
export function CategoryBadge({ category }: { category?: { color?: string | null; icon?: string | null } }) {
  const color = category?.color ?? DEFAULT_PLACE_COLOR;
  return (
    <span
      aria-hidden
      className="mt-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-base"
      style={{ backgroundColor: `${color}1f`, color }}
    >
      <Icon name={categoryIcon(category?.icon)} className="h-4 w-4" />
    </span>
  );
}
