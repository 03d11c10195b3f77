// Which addons are on, as the root loader told the browser. Read through the route data rather than by importing
// app/root.tsx, which area components must not import (the root imports the area list for its locale namespaces).
import { useRouteLoaderData } from '@remix-run/react';
import type { AddonId } from '~/domain/addons';

export function useAddons(): Partial<Record<AddonId, boolean>> | undefined {
  return (useRouteLoaderData('root') as { addons?: Partial<Record<AddonId, boolean>> } | undefined)?.addons;
}
