import { router } from '../init';

export const dayNotesRouter = router({});
