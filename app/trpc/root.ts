// The whole API, built from the area list (app/areas/index.ts): one router per area, keyed by the area's id. The UI
// calls it through tRPC; the MCP adapter publishes it as tools.
import { areas } from '~/areas';
import { router, createCallerFactory } from './init';

type AreaRouters<L extends readonly { id: string; router: unknown }[]> = { [A in L[number] as A['id']]: A['router'] };

export const appRouter = router(Object.fromEntries(areas.map((area) => [area.id, area.router])) as AreaRouters<typeof areas>);

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
