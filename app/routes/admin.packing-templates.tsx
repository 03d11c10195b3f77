// Admin → Packing templates (the page itself lives with the packing area).
import type { MetaFunction } from '@remix-run/node';
import { pageTitle } from '~/components/pageTitle';
import { PackingTemplatesAdmin } from '~/areas/packing/PackingTemplatesAdmin';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'packing', 'admin.tab', 'Packing templates') }];

export default function AdminPackingTemplatesPage() {
  return <PackingTemplatesAdmin />;
}
