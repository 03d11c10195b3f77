// Admin → Map: tile server and attribution, and the Google Places key (the page itself lives with the geo area).
import type { MetaFunction } from '@remix-run/node';
import { pageTitle } from '~/components/pageTitle';
import { MapAdmin } from '~/areas/geo/MapAdmin';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'planner', 'mapAdmin.tab', 'Map') }];

export default function AdminMapPage() {
  return <MapAdmin />;
}
