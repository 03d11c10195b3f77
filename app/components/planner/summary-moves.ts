// Pure changes to the cached trip summary that mirror what the server does when places are moved, so drag and drop
// and the move buttons show the result at once (the refetch afterwards confirms it).
interface Assignment {
  id: number;
  dayId: number;
  position: number;
}
interface Day<A extends Assignment> {
  id: number;
  assignments: A[];
}
interface Summary<A extends Assignment, D extends Day<A>> {
  days: D[];
}

/** Puts an assignment at `position` (0-based, clamped) on `toDayId`, renumbering the days it left and joined. */
export function moveInSummary<A extends Assignment, D extends Day<A>, S extends Summary<A, D>>(
  summary: S,
  assignmentId: number,
  toDayId: number,
  position: number
): S {
  const moving = summary.days.flatMap((d) => d.assignments).find((a) => a.id === assignmentId);
  if (!moving || !summary.days.some((d) => d.id === toDayId)) return summary;
  return {
    ...summary,
    days: summary.days.map((d) => {
      const others = d.assignments.filter((a) => a.id !== assignmentId);
      if (d.id !== toDayId && others.length === d.assignments.length) return d;
      const at = Math.max(0, Math.min(others.length, position));
      const list = d.id === toDayId ? [...others.slice(0, at), { ...moving, dayId: toDayId }, ...others.slice(at)] : others;
      return { ...d, assignments: list.map((a, i) => ({ ...a, position: i })) };
    }),
  };
}

/** Sets a day's order to `ids` (every assignment of the day once); anything else leaves the summary as it was. */
export function reorderInSummary<A extends Assignment, D extends Day<A>, S extends Summary<A, D>>(
  summary: S,
  dayId: number,
  ids: number[]
): S {
  return {
    ...summary,
    days: summary.days.map((d) => {
      if (d.id !== dayId) return d;
      const byId = new Map(d.assignments.map((a) => [a.id, a]));
      if (ids.length !== byId.size || ids.some((id) => !byId.has(id))) return d;
      return { ...d, assignments: ids.map((id, i) => ({ ...byId.get(id)!, position: i })) };
    }),
  };
}

/** Takes an assignment off its day and renumbers the rest. */
export function removeFromSummary<A extends Assignment, D extends Day<A>, S extends Summary<A, D>>(summary: S, assignmentId: number): S {
  return {
    ...summary,
    days: summary.days.map((d) =>
      d.assignments.some((a) => a.id === assignmentId)
        ? { ...d, assignments: d.assignments.filter((a) => a.id !== assignmentId).map((a, i) => ({ ...a, position: i })) }
        : d
    ),
  };
}
