// Realtime events of the tags area (on the owner's user channel: tags are personal).
import { defineEvents, onView } from '~/realtime/events';
import type { tagJson } from '~/trpc/shape';
import { tagListView, upsert } from '../views';

type TagJson = ReturnType<typeof tagJson>;
const byName = (a: TagJson, b: TagJson) => a.name.localeCompare(b.name) || a.id - b.id;

export const tagEvents = defineEvents<{
  'tag.created': { tag: TagJson };
  'tag.updated': { tag: TagJson };
  'tag.deleted': { tagId: number };
}>()({
  'tag.created': { views: [onView(tagListView, (list, p) => ({ ...list, tags: upsert(list.tags, p.tag, byName) }))], notice: () => null },
  'tag.updated': { views: [onView(tagListView, (list, p) => ({ ...list, tags: upsert(list.tags, p.tag, byName) }))], notice: () => null },
  'tag.deleted': { views: [onView(tagListView, (list, p) => ({ ...list, tags: list.tags.filter((t) => t.id !== p.tagId) }))], notice: () => null },
});
