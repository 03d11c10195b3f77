// The plan: every day in order with its places. Places are reordered within a day and moved between days by drag
// and drop (mouse, touch or keyboard via dnd-kit) or with the explicit move buttons on each place.
import { useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { DayColumn } from './DayColumn';
import type { MoveActions } from '~/areas/assignments/AssignmentItem';
import { btn, ErrorText } from '~/components/planner/ui';
import { moveInSummary, removeFromSummary, reorderInSummary } from '~/areas/assignments/summary-moves';
import { usePatchSummary, type PlannerAssignment, type PlannerCategory, type PlannerDay } from '~/components/planner/usePlanner';
import { Icon } from '~/components/planner/Icon';

interface Props {
  tripId: number;
  days: { day: PlannerDay; label: string }[];
  categories: Map<number, PlannerCategory>;
  onChanged: () => void;
}

const assignmentIdOf = (id: UniqueIdentifier) => (String(id).startsWith('a:') ? Number(String(id).slice(2)) : null);

export function DayList({ tripId, days, categories, onChanged }: Props) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const patch = usePatchSummary(tripId);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [overDayId, setOverDayId] = useState<number | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates })
  );
  const settle = { onSettled: onChanged };
  const reorder = useMutation(trpc.assignments.reorderDayAssignments.mutationOptions(settle));
  const move = useMutation(trpc.assignments.moveAssignment.mutationOptions(settle));
  const unassign = useMutation(trpc.assignments.unassignPlace.mutationOptions(settle));
  const addDay = useMutation(trpc.days.createDay.mutationOptions({ onSuccess: onChanged }));
  const error = reorder.error ?? move.error ?? unassign.error ?? addDay.error;

  const findDay = (assignmentId: number) => days.find((d) => d.day.assignments.some((a) => a.id === assignmentId))?.day;
  const nameOf = (assignmentId: number) => findDay(assignmentId)?.assignments.find((a) => a.id === assignmentId)?.place?.name ?? '';
  /** The day (with its label) that a drop target stands for: a day column ("d:<id>") or an assignment on it. */
  const entryOver = (overId: UniqueIdentifier) => {
    const a = assignmentIdOf(overId);
    return a !== null ? days.find((d) => d.day.assignments.some((x) => x.id === a)) : days.find((d) => `d:${d.day.id}` === overId);
  };

  function reorderDay(day: PlannerDay, ids: number[]) {
    patch((s) => reorderInSummary(s, day.id, ids));
    reorder.mutate({ tripId, dayId: day.id, assignmentIds: ids });
  }

  function moveTo(assignmentId: number, toDayId: number, position: number) {
    patch((s) => moveInSummary(s, assignmentId, toDayId, position));
    move.mutate({ tripId, assignmentId, toDayId, position });
  }

  const actions: MoveActions = {
    moveWithinDay(dayId, assignmentId, delta) {
      const day = days.find((d) => d.day.id === dayId)?.day;
      if (!day) return;
      const ids = day.assignments.map((a) => a.id);
      const from = ids.indexOf(assignmentId);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= ids.length) return;
      reorderDay(day, arrayMove(ids, from, to));
      // Keep keyboard focus on the same button of the moved place.
      requestAnimationFrame(() => {
        const selector = `[data-assignment-id="${assignmentId}"] button[aria-label="${CSS.escape(
          delta < 0 ? t('assignment.moveUp', { name: nameOf(assignmentId) }) : t('assignment.moveDown', { name: nameOf(assignmentId) })
        )}"]`;
        const button = document.querySelector<HTMLButtonElement>(selector);
        if (button && !button.disabled) button.focus();
        else document.querySelector<HTMLButtonElement>(`[data-assignment-id="${assignmentId}"] button`)?.focus();
      });
    },
    moveToDay(assignmentId, toDayId) {
      const target = days.find((d) => d.day.id === toDayId)?.day;
      if (target) moveTo(assignmentId, toDayId, target.assignments.length);
    },
    remove(assignment: PlannerAssignment) {
      patch((s) => removeFromSummary(s, assignment.id));
      unassign.mutate({ tripId, assignmentId: assignment.id });
    },
  };

  function onDragStart(event: DragStartEvent) {
    setActiveId(assignmentIdOf(event.active.id));
  }

  function onDragOver({ over }: DragOverEvent) {
    setOverDayId(over ? entryOver(over.id)?.day.id ?? null : null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    setOverDayId(null);
    const id = assignmentIdOf(active.id);
    if (id === null || !over) return;
    const from = findDay(id);
    if (!from) return;
    const overAssignment = assignmentIdOf(over.id);
    const to = entryOver(over.id)?.day;
    if (!to) return;
    if (to.id === from.id) {
      const ids = from.assignments.map((a) => a.id);
      const oldIndex = ids.indexOf(id);
      const newIndex = overAssignment !== null ? ids.indexOf(overAssignment) : ids.length - 1;
      if (oldIndex !== newIndex) reorderDay(from, arrayMove(ids, oldIndex, newIndex));
      return;
    }
    const position = overAssignment !== null ? to.assignments.findIndex((a) => a.id === overAssignment) : to.assignments.length;
    moveTo(id, to.id, Math.max(0, position));
  }

  const dayOfOver = (overId: UniqueIdentifier | undefined) => (overId === undefined ? '' : entryOver(overId)?.label ?? '');
  const active = activeId !== null ? findDay(activeId)?.assignments.find((a) => a.id === activeId) : undefined;

  return (
    <div>
      {error && (
        <div className="mb-3">
          <ErrorText>{errorMessage(error, t)}</ErrorText>
        </div>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setActiveId(null);
          setOverDayId(null);
        }}
        accessibility={{
          screenReaderInstructions: { draggable: t('dnd.instructions') },
          announcements: {
            onDragStart: ({ active: a }) => t('dnd.picked', { name: nameOf(assignmentIdOf(a.id) ?? 0) }),
            onDragOver: ({ active: a, over }) =>
              t('dnd.over', {
                name: nameOf(assignmentIdOf(a.id) ?? 0),
                day: dayOfOver(over?.id),
              }),
            onDragEnd: ({ active: a, over }) =>
              t('dnd.dropped', {
                name: nameOf(assignmentIdOf(a.id) ?? 0),
                day: dayOfOver(over?.id),
              }),
            onDragCancel: ({ active: a }) => t('dnd.cancelled', { name: nameOf(assignmentIdOf(a.id) ?? 0) }),
          },
        }}
      >
        {days.length === 0 ? (
          <div className="rounded-xl border-2 border-dashed border-slate-300 bg-white p-8 text-center">
            <p className="font-medium text-slate-800">{t('days.emptyTitle')}</p>
            <p className="mt-1 text-sm text-slate-500">{t('days.emptyBody')}</p>
          </div>
        ) : (
          <div className="space-y-4">
            {days.map(({ day, label }) => (
              <DayColumn
                key={day.id}
                tripId={tripId}
                day={day}
                label={label}
                allDays={days}
                categories={categories}
                actions={actions}
                dropTarget={activeId !== null && overDayId === day.id && findDay(activeId)?.id !== day.id}
                onChanged={onChanged}
              />
            ))}
          </div>
        )}
        <DragOverlay>
          {active ? (
            <div className="rounded-lg border border-indigo-300 bg-white p-3 font-medium text-slate-900 shadow-xl ring-2 ring-indigo-400">
              {active.place?.name}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <button
        type="button"
        className={`${btn.secondary} mt-4 w-full border-dashed`}
        onClick={() => addDay.mutate({ tripId })}
        disabled={addDay.isPending}
      >
        <Icon name="plus" /> {t('days.add')}
      </button>
    </div>
  );
}
