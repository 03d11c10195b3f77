import { router } from '../init';

export const daysRouter = router({});
