// One place on a day: category symbol, name, editable start/end time, and the keyboard alternative to dragging
// (move up, move down, move to another day) plus remove. The drag handle is the dnd-kit sortable activator.
import { useEffect, useState } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { btn } from '~/components/planner/ui';
import { TimeBox } from '~/components/ui';
import type { PlannerAssignment, PlannerCategory, PlannerDay } from '~/components/planner/usePlanner';
import { CategoryBadge, Icon } from '~/components/planner/Icon';

export interface MoveActions {
  moveWithinDay(dayId: number, assignmentId: number, delta: -1 | 1): void;
  moveToDay(assignmentId: number, toDayId: number): void;
  remove(assignment: PlannerAssignment): void;
}

interface Props {
  tripId: number;
  assignment: PlannerAssignment;
  index: number;
  count: number;
  dayId: number;
  days: { day: PlannerDay; label: string }[];
  category?: PlannerCategory;
  actions: MoveActions;
  onSaved: () => void;
}

export function AssignmentItem({ tripId, assignment, index, count, dayId, days, category, actions, onSaved }: Props) {
  const { t } = useTranslation('planner');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: `a:${assignment.id}`,
    data: { type: 'assignment', dayId },
  });
  const name = assignment.place?.name ?? t('place.unnamed');
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <li
      ref={setNodeRef}
      style={style}
      data-testid="assignment"
      data-assignment-id={assignment.id}
      className={`group rounded-lg border border-slate-200 bg-white p-2.5 shadow-sm ${isDragging ? 'opacity-40' : ''}`}
    >
      <div className="flex flex-wrap items-start gap-x-2 gap-y-1.5">
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('assignment.dragHandle', { name })}
          className="mt-0.5 flex h-8 w-6 shrink-0 cursor-grab touch-none items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 active:cursor-grabbing"
        >
          <Icon name="grip" />
        </button>
        <CategoryBadge category={category} />
        <div className="min-w-[9rem] flex-1">
          <p className="truncate font-medium text-slate-900" data-testid="assignment-name">
            {name}
          </p>
          {assignment.place?.address && <p className="truncate text-xs text-slate-500">{assignment.place.address}</p>}
          <AssignmentTimes tripId={tripId} assignment={assignment} name={name} onSaved={onSaved} />
        </div>
        <div className="ms-auto flex items-center gap-0.5">
          <button
            type="button"
            className={btn.icon}
            disabled={index === 0}
            onClick={() => actions.moveWithinDay(dayId, assignment.id, -1)}
            aria-label={t('assignment.moveUp', { name })}
            title={t('assignment.moveUp', { name })}
          >
            <Icon name="up" />
          </button>
          <button
            type="button"
            className={btn.icon}
            disabled={index === count - 1}
            onClick={() => actions.moveWithinDay(dayId, assignment.id, 1)}
            aria-label={t('assignment.moveDown', { name })}
            title={t('assignment.moveDown', { name })}
          >
            <Icon name="down" />
          </button>
          <select
            aria-label={t('assignment.moveToDay', { name })}
            value=""
            onChange={(e) => e.target.value && actions.moveToDay(assignment.id, Number(e.target.value))}
            className="h-8 max-w-[9rem] rounded-md border border-slate-200 bg-white px-1.5 text-xs text-slate-700 focus:outline-none focus:ring-2 focus:ring-indigo-500"
          >
            <option value="">{t('assignment.moveToDayShort')}</option>
            {days
              .filter((d) => d.day.id !== dayId)
              .map((d) => (
                <option key={d.day.id} value={d.day.id}>
                  {d.label}
                </option>
              ))}
          </select>
          <button
            type="button"
            className={`${btn.icon} hover:text-red-700`}
            onClick={() => actions.remove(assignment)}
            aria-label={t('assignment.remove', { name })}
            title={t('assignment.remove', { name })}
          >
            <Icon name="close" />
          </button>
        </div>
      </div>
    </li>
  );
}

function AssignmentTimes({
  tripId,
  assignment,
  name,
  onSaved,
}: {
  tripId: number;
  assignment: PlannerAssignment;
  name: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [start, setStart] = useState(assignment.startTime ?? '');
  const [end, setEnd] = useState(assignment.endTime ?? '');
  useEffect(() => {
    setStart(assignment.startTime ?? '');
    setEnd(assignment.endTime ?? '');
  }, [assignment.startTime, assignment.endTime]);
  const save = useMutation(
    trpc.assignments.updateAssignmentTime.mutationOptions({
      onSuccess: onSaved,
    })
  );
  const commit = () => {
    if (start === (assignment.startTime ?? '') && end === (assignment.endTime ?? '')) return;
    save.mutate({
      tripId,
      assignmentId: assignment.id,
      startTime: start || null,
      endTime: end || null,
    });
  };
  const timeClass =
    'w-[6.5rem] rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 text-xs text-slate-700 focus:border-indigo-500 focus:bg-white focus:outline-none focus:ring-1 focus:ring-indigo-500';
  return (
    <div className="mt-1.5">
      <div className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
        <TimeBox value={start} onChange={setStart} onBlur={commit} aria-label={t('assignment.startTime', { name })} className={timeClass} />
        <span aria-hidden>–</span>
        <TimeBox value={end} onChange={setEnd} onBlur={commit} aria-label={t('assignment.endTime', { name })} className={timeClass} />
      </div>
      {save.error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {errorMessage(save.error, t)}
        </p>
      )}
    </div>
  );
}
