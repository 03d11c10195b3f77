// Every locale namespace: the app frame's and each area's (declared in app/areas/index.ts). Kept apart from config.ts,
// which procedures import, so that the area list and the procedures never import each other while loading.
import { areas } from '~/areas';
import { PLATFORM_NAMESPACES } from './config';

export const NAMESPACES: readonly string[] = [...new Set([...PLATFORM_NAMESPACES, ...areas.flatMap((area) => area.namespaces)])];
