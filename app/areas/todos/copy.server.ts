// Copying a trip's to-dos: every to-do, not done, in order, without its assignee (people of the original trip are not
// on the copy). Category assignees are not copied for the same reason.
import type { TripCopyStep } from '../area';

export const copyTodos: TripCopyStep = {
  models: ['Todo'],
  async run({ tx, sourceTripId, tripId, actorId }) {
    const todos = await tx.todo.findMany({ where: { tripId: sourceTripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
    await tx.todo.createMany({
      data: todos.map((t) => ({
        tripId,
        name: t.name,
        description: t.description,
        category: t.category,
        dueDate: t.dueDate,
        priority: t.priority,
        assignedUserId: null,
        checked: false,
        position: t.position,
        updatedById: actorId,
      })),
    });
  },
};
