// The planner's Collab tab: shared notes, polls and the trip chat, each shown while its part of the addon is on.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddons } from '~/utils/addons';
import { EmptyState } from '~/components/ui';
import { NotesPanel } from './NotesPanel';
import { PollsPanel } from './PollsPanel';
import { ChatPanel } from './ChatPanel';

const SECTIONS = ['chat', 'polls', 'notes'] as const;
type Section = (typeof SECTIONS)[number];

export function CollabTab({ tripId }: { tripId: number }) {
  const { t } = useTranslation('collab');
  const addons = useAddons();
  const shown = SECTIONS.filter((s) => addons?.[`collab.${s}`] !== false);
  const [picked, setPicked] = useState<Section>('chat');
  const current = shown.includes(picked) ? picked : shown[0];
  if (!current) return <EmptyState title={t('allOff')} testId="collab-all-off" />;

  // Arrow keys move between the section tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -shown.length, End: shown.length }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const rtl = document.dir === 'rtl' && (event.key === 'ArrowRight' || event.key === 'ArrowLeft') ? -1 : 1;
    const index = Math.min(shown.length - 1, Math.max(0, shown.indexOf(current) + step * rtl));
    setPicked(shown[index]);
    document.getElementById(`collab-tab-${shown[index]}`)?.focus();
  };

  return (
    <div className="space-y-4" data-testid="collab-tab">
      <div role="tablist" aria-label={t('sections')} className="flex gap-1 border-b border-slate-200" onKeyDown={onKeyDown}>
        {shown.map((s) => (
          <button
            key={s}
            id={`collab-tab-${s}`}
            type="button"
            role="tab"
            aria-selected={s === current}
            aria-controls={`collab-panel-${s}`}
            tabIndex={s === current ? 0 : -1}
            onClick={() => setPicked(s)}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
              s === current ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(`section.${s}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`collab-panel-${current}`} aria-labelledby={`collab-tab-${current}`}>
        {current === 'notes' && <NotesPanel tripId={tripId} />}
        {current === 'polls' && <PollsPanel tripId={tripId} />}
        {current === 'chat' && <ChatPanel tripId={tripId} />}
      </div>
    </div>
  );
}
