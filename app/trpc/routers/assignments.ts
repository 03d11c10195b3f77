import { router } from '../init';

export const assignmentsRouter = router({});
