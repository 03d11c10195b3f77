import { router } from '../init';

// OAuth clients, authorized apps and admin grant listing (filled by the OAuth work).
export const oauthClientsRouter = router({});
