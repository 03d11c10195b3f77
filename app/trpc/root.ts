// The whole API: one router per area. The UI calls it through tRPC; the MCP adapter publishes it as tools.
import { router, createCallerFactory } from './init';
import { tripsRouter } from './routers/trips';
import { membersRouter } from './routers/members';
import { daysRouter } from './routers/days';
import { placesRouter } from './routers/places';
import { assignmentsRouter } from './routers/assignments';
import { tagsRouter } from './routers/tags';
import { dayNotesRouter } from './routers/dayNotes';
import { accommodationsRouter } from './routers/accommodations';
import { accountRouter } from './routers/account';
import { adminRouter } from './routers/admin';
import { apiTokensRouter } from './routers/apiTokens';
import { oauthClientsRouter } from './routers/oauthClients';

export const appRouter = router({
  trips: tripsRouter,
  members: membersRouter,
  days: daysRouter,
  places: placesRouter,
  assignments: assignmentsRouter,
  tags: tagsRouter,
  dayNotes: dayNotesRouter,
  accommodations: accommodationsRouter,
  account: accountRouter,
  admin: adminRouter,
  apiTokens: apiTokensRouter,
  oauthClients: oauthClientsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
