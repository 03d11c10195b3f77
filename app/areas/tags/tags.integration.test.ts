import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/helpers/server';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError, trpcClient } from '../../../tests/helpers/users';

const suite = procedureSuite(2);
const { events } = suite;
let server: TestServer;
let anna: TestUser;
let ben: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben] } = suite);
});

const tagCount = (userId: number) => server.services.db.tag.count({ where: { userId } });
let n = 0;
const unique = (base: string) => `${base}-${++n}`;

describe('tags.listTags', () => {
  it('lists only your own tags, by name', async () => {
    const zName = unique('zz');
    const aName = unique('aa');
    await anna.trpc.tags.createTag.mutate({ name: zName });
    await anna.trpc.tags.createTag.mutate({ name: aName });
    await ben.trpc.tags.createTag.mutate({ name: unique('bens') });
    const { tags } = await anna.trpc.tags.listTags.query();
    const names = tags.map((t) => t.name);
    expect(names.indexOf(aName)).toBeLessThan(names.indexOf(zName));
    expect(names.every((name) => !name.startsWith('bens'))).toBe(true);
  });

  it('refuses an anonymous caller', async () => {
    const error = await expectTrpcError(trpcClient(server).tags.listTags.query());
    expect(error.code).toBe('UNAUTHORIZED');
  });
});

describe('tags.createTag', () => {
  it('creates a tag with a lower-cased colour and emits tag.created on the user channel', async () => {
    const name = unique('Food');
    const { tag } = await anna.trpc.tags.createTag.mutate({ name, color: '#FF8800' });
    expect(tag).toMatchObject({ name, color: '#ff8800' });
    expect(await server.services.db.tag.findUniqueOrThrow({ where: { id: tag.id } })).toMatchObject({ userId: anna.user.id, name });
    expect(events).toMatchObject([{ channel: `private-user-${anna.user.id}`, event: 'tag.created', payload: { tag: { id: tag.id } } }]);
  });

  it('rejects a duplicate name (any case) with CONFLICT and bad fields with their names, writing nothing', async () => {
    const name = unique('Museums');
    await anna.trpc.tags.createTag.mutate({ name });
    const before = await tagCount(anna.user.id);
    const dup = await expectTrpcError(anna.trpc.tags.createTag.mutate({ name: name.toUpperCase() }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toBe(`You already have a tag named "${name.toUpperCase()}"`);
    const long = await expectTrpcError(anna.trpc.tags.createTag.mutate({ name: 'x'.repeat(51) }));
    expect(long.message).toBe('name: must be at most 50 characters');
    const colour = await expectTrpcError(anna.trpc.tags.createTag.mutate({ name: unique('ok'), color: 'red' }));
    expect(colour.message).toBe('color: must be a colour in the form #rrggbb');
    expect(await tagCount(anna.user.id)).toBe(before);
    // The same name is fine for another user: tags are per user.
    await ben.trpc.tags.createTag.mutate({ name });
  });

  it('refuses an anonymous caller and writes nothing', async () => {
    const before = await server.services.db.tag.count();
    const error = await expectTrpcError(trpcClient(server).tags.createTag.mutate({ name: 'anon' }));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(await server.services.db.tag.count()).toBe(before);
  });
});

describe('tags.updateTag', () => {
  it('renames and recolours your tag and emits tag.updated', async () => {
    const { tag } = await anna.trpc.tags.createTag.mutate({ name: unique('old') });
    const name = unique('new');
    const { tag: updated } = await anna.trpc.tags.updateTag.mutate({ tagId: tag.id, name, color: '#123abc' });
    expect(updated).toEqual({ id: tag.id, name, color: '#123abc' });
    expect(events.map((e) => e.event)).toEqual(['tag.created', 'tag.updated']);
  });

  it('rejects an empty name and a name you already use, leaving the tag unchanged', async () => {
    const first = await anna.trpc.tags.createTag.mutate({ name: unique('one') });
    const { tag } = await anna.trpc.tags.createTag.mutate({ name: unique('two') });
    const empty = await expectTrpcError(anna.trpc.tags.updateTag.mutate({ tagId: tag.id, name: ' ' }));
    expect(empty.message).toBe('name: must not be empty');
    const dup = await expectTrpcError(anna.trpc.tags.updateTag.mutate({ tagId: tag.id, name: first.tag.name }));
    expect(dup.code).toBe('CONFLICT');
    expect((await server.services.db.tag.findUniqueOrThrow({ where: { id: tag.id } })).name).toBe(tag.name);
  });

  it('treats someone else’s tag as not found', async () => {
    const { tag } = await ben.trpc.tags.createTag.mutate({ name: unique('bens') });
    const error = await expectTrpcError(anna.trpc.tags.updateTag.mutate({ tagId: tag.id, name: 'stolen' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Tag ${tag.id} not found`);
    expect((await server.services.db.tag.findUniqueOrThrow({ where: { id: tag.id } })).name).toBe(tag.name);
  });
});

describe('tags.deleteTag', () => {
  it('deletes your tag, removes it from places and emits tag.deleted', async () => {
    const { tag } = await anna.trpc.tags.createTag.mutate({ name: unique('gone') });
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Tagged' });
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Spot', tagIds: [tag.id] });
    suite.clearEvents();
    expect(await anna.trpc.tags.deleteTag.mutate({ tagId: tag.id })).toEqual({ deleted: true, tagId: tag.id });
    expect(await server.services.db.tag.count({ where: { id: tag.id } })).toBe(0);
    expect(await server.services.db.placeTag.count({ where: { placeId: place.id } })).toBe(0);
    expect(events).toMatchObject([{ channel: `private-user-${anna.user.id}`, event: 'tag.deleted', payload: { tagId: tag.id } }]);
  });

  it('rejects a malformed id, naming the field', async () => {
    const before = await tagCount(anna.user.id);
    const error = await expectTrpcError(anna.trpc.tags.deleteTag.mutate({ tagId: -3 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('tagId');
    expect(await tagCount(anna.user.id)).toBe(before);
  });

  it('treats someone else’s tag as not found and keeps it', async () => {
    const { tag } = await ben.trpc.tags.createTag.mutate({ name: unique('keep') });
    const error = await expectTrpcError(anna.trpc.tags.deleteTag.mutate({ tagId: tag.id }));
    expect(error.message).toBe(`Tag ${tag.id} not found`);
    expect(await server.services.db.tag.count({ where: { id: tag.id } })).toBe(1);
  });
});
