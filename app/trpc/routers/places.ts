import { router } from '../init';

export const placesRouter = router({});
