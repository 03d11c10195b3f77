// Which icon a place category or a day note shows (names of the SVG icons in Icon.tsx).
import { DAY_NOTE_ICONS, type DayNoteIcon } from '~/domain/day-notes';

const CATEGORY_ICONS: Record<string, string> = {
  landmark: 'landmark',
  museum: 'museum',
  utensils: 'utensils',
  coffee: 'coffee',
  wine: 'wine',
  bag: 'bag',
  tree: 'tree',
  ticket: 'ticket',
  bed: 'bed',
  train: 'train',
};

export function categoryIcon(icon: string | null | undefined) {
  return (icon && CATEGORY_ICONS[icon]) || 'pin';
}

export const NOTE_ICONS: Record<DayNoteIcon, string> = {
  note: 'note',
  food: 'utensils',
  transport: 'bus',
  ticket: 'ticket',
  info: 'info',
  warning: 'warning',
  camera: 'camera',
  bed: 'bed',
  shopping: 'cart',
  walk: 'walk',
};

export { DAY_NOTE_ICONS, type DayNoteIcon };

export const DEFAULT_PLACE_COLOR = '#64748b';
