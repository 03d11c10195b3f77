// THE list of areas. Registering an area here is all the wiring it needs: the app router (and with it the MCP tools,
// resources and addon gating), the browser's realtime handling, the trip copy (steps run in this order) and the
// planner tabs are all built from it. See docs/adding-an-area.md.
import { defineArea } from './area';
import { accommodationsArea } from './accommodations/area';
import { assignmentsArea } from './assignments/area';
import { atlasArea } from './atlas/area';
import { budgetArea } from './budget/area';
import { collabArea } from './collab/area';
import { dayNotesArea } from './day-notes/area';
import { geoArea } from './geo/area';
import { journeyArea } from './journey/area';
import { daysArea } from './days/area';
import { membersArea } from './members/area';
import { packingArea } from './packing/area';
import { placesArea } from './places/area';
import { reservationsArea } from './reservations/area';
import { shareLinksArea } from './share-links/area';
import { notificationsArea } from './notifications/area';
import { tagsArea } from './tags/area';
import { todosArea } from './todos/area';
import { tripsArea } from './trips/area';
import { vacayArea } from './vacay/area';
import { weatherArea } from './weather/area';
import { journeyMediaArea } from './journey/photos/area';
import { accountEvents } from './account/events';
import { accountRouter, adminRouter, apiTokensRouter, oauthClientsRouter } from './platform.server';

export const areas = [
  tripsArea,
  membersArea,
  daysArea,
  reservationsArea,
  placesArea,
  assignmentsArea,
  tagsArea,
  dayNotesArea,
  accommodationsArea,
  budgetArea,
  shareLinksArea,
  notificationsArea,
  atlasArea,
  vacayArea,
  journeyMediaArea,
  collabArea,
  packingArea,
  todosArea,
  weatherArea,
  geoArea,
  journeyArea,
  defineArea({ id: 'account', router: accountRouter, namespaces: ['settings', 'security', 'account', 'display'], events: accountEvents }),
  defineArea({ id: 'admin', router: adminRouter, namespaces: ['admin'] }),
  defineArea({ id: 'apiTokens', router: apiTokensRouter, namespaces: ['integrations'] }),
  defineArea({ id: 'oauthClients', router: oauthClientsRouter, namespaces: ['integrations', 'oauth'] }),
] as const;
