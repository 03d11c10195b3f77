// The planner's section switcher for narrow screens (below Tailwind's `lg`): a sticky tab bar for Days, Places and
// Map that shows one section at a time, and the notice that says where "Add to day" put a place (the day itself is
// on another tab there). The chosen section is kept per trip in sessionStorage, so it survives a reload in the same
// browser tab without adding history entries or changing the shareable URL.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import { btn } from './ui';
import type { PlannerDay } from './usePlanner';

const PLANNER_SECTIONS = ['days', 'places', 'map'] as const;
export type PlannerSection = (typeof PLANNER_SECTIONS)[number];

const storageKey = (tripId: number) => `waymark.planner.section.${tripId}`;
const isSection = (value: unknown): value is PlannerSection => PLANNER_SECTIONS.includes(value as PlannerSection);

const sectionTabId = (section: PlannerSection) => `planner-tab-${section}`;
const sectionPanelId = (section: PlannerSection) => `planner-panel-${section}`;

/** The section shown on narrow screens; starts at "days" (also on the server) and then restores the stored choice. */
export function usePlannerSection(tripId: number) {
  const [section, setSection] = useState<PlannerSection>('days');
  useEffect(() => {
    try {
      const stored = window.sessionStorage.getItem(storageKey(tripId));
      if (isSection(stored)) setSection(stored);
    } catch {
      // Storage can be blocked (privacy settings); the switcher then simply starts at "days".
    }
  }, [tripId]);
  const choose = useCallback(
    (next: PlannerSection) => {
      setSection(next);
      try {
        window.sessionStorage.setItem(storageKey(tripId), next);
      } catch {
        // See above: remembering is a convenience.
      }
    },
    [tripId]
  );
  return [section, choose] as const;
}

/** True at Tailwind's `lg` breakpoint and wider (all sections side by side); false on the server and on phones. */
export function useWideLayout() {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(min-width: 64rem)');
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}

/**
 * Props for a section's wrapper: a tab panel on narrow screens, hidden there unless it is the active section. From
 * `lg` up the tabs are hidden, so the wrapper is a plain container and `className` alone decides the layout.
 */
export function sectionPanelProps(section: PlannerSection, active: PlannerSection, wide: boolean, className: string) {
  return {
    id: sectionPanelId(section),
    role: wide ? undefined : 'tabpanel',
    'aria-labelledby': wide ? undefined : sectionTabId(section),
    className: section === active ? className : `max-lg:hidden ${className}`,
  };
}

interface Props {
  active: PlannerSection;
  onChange: (section: PlannerSection) => void;
  counts: Partial<Record<PlannerSection, number>>;
}

export function PlannerSectionTabs({ active, onChange, counts }: Props) {
  const { t } = useTranslation('planner');
  // Roving tabindex: the focused tab (or, when focus is elsewhere, the active one) is the single Tab stop.
  const [focused, setFocused] = useState<number | null>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const top = useRef<HTMLDivElement>(null);
  const activeIndex = PLANNER_SECTIONS.indexOf(active);
  const stopIndex = focused ?? activeIndex;

  const activate = (section: PlannerSection) => {
    onChange(section);
    // When the bar is stuck at the top, start the new section from its beginning instead of mid-page.
    if (top.current && top.current.getBoundingClientRect().top < 0) top.current.scrollIntoView({ block: 'start' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const current = focused ?? activeIndex;
    const last = PLANNER_SECTIONS.length - 1;
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | null = null;
    if (step) next = (current + step + PLANNER_SECTIONS.length) % PLANNER_SECTIONS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next === null) return;
    event.preventDefault();
    tabs.current[next]?.focus();
  };

  const countText: Record<PlannerSection, (count: number) => string> = {
    days: (count) => t('sections.dayCount', { count }),
    places: (count) => t('sections.placeCount', { count }),
    map: (count) => t('sections.mapCount', { count }),
  };

  return (
    <>
      <div ref={top} aria-hidden className="lg:hidden" />
      <div className="sticky top-0 z-20 -mx-4 mb-4 border-b border-slate-200 bg-white/95 px-2 backdrop-blur lg:hidden">
        <div
          role="tablist"
          aria-label={t('sections.label')}
          className="flex"
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
          }}
        >
          {PLANNER_SECTIONS.map((section, index) => {
            const selected = section === active;
            const count = counts[section];
            return (
              <button
                key={section}
                ref={(el) => {
                  tabs.current[index] = el;
                }}
                type="button"
                role="tab"
                id={sectionTabId(section)}
                aria-controls={sectionPanelId(section)}
                aria-selected={selected}
                tabIndex={index === stopIndex ? 0 : -1}
                onFocus={() => setFocused(index)}
                onClick={() => activate(section)}
                className={`-mb-px flex min-h-12 flex-1 items-center justify-center gap-1.5 border-b-2 px-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 ${
                  selected ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:text-slate-900'
                }`}
              >
                <span>{t(`sections.${section}`)}</span>
                {count !== undefined && (
                  <>
                    <span
                      aria-hidden
                      className={`min-w-5 rounded-full px-1.5 text-center text-xs tabular-nums ${
                        selected ? 'bg-indigo-100 text-indigo-800' : 'bg-slate-100 text-slate-600'
                      }`}
                    >
                      {count}
                    </span>
                    <span className="sr-only">({countText[section](count)})</span>
                  </>
                )}
              </button>
            );
          })}
        </div>
      </div>
    </>
  );
}

type LabelledDay = { day: PlannerDay; label: string };

/**
 * The place that "Add to day" in the places list last put on a day (our own choice only, so places added by other
 * people raise no notice), named with the day's current label.
 */
export function useAddedToDay(days: LabelledDay[]) {
  const [added, setAdded] = useState<{ dayId: number; placeName: string } | null>(null);
  const day = added ? days.find((d) => d.day.id === added.dayId) : undefined;
  return {
    added: added && day ? { ...added, dayLabel: day.label } : null,
    dismiss: useCallback(() => setAdded(null), []),
    onAssigned: useCallback((dayId: number, placeName: string) => setAdded({ dayId, placeName }), []),
  };
}

/** A polite status line below the tabs: "Colosseum was added to Day 2", with a way to that day. */
export function AddedToDayNotice({
  added,
  onShow,
  onDismiss,
}: {
  added: { dayId: number; dayLabel: string; placeName: string } | null;
  onShow: (dayId: number) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('planner');
  return (
    <div role="status" className="lg:hidden" data-testid="added-to-day">
      {added && (
        <div className="mb-4 flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 py-2 pe-2 ps-3 text-sm text-emerald-900">
          <p className="min-w-0 flex-1">
            {t('sections.added', { name: added.placeName || t('place.unnamed'), day: added.dayLabel })}
          </p>
          <button type="button" className={`${btn.ghost} shrink-0 font-medium text-emerald-900`} onClick={() => onShow(added.dayId)}>
            {t('sections.showDay')}
          </button>
          <button type="button" className={`${btn.icon} shrink-0`} onClick={onDismiss} aria-label={t('sections.dismiss')}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}
