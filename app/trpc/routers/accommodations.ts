import { router } from '../init';

export const accommodationsRouter = router({});
