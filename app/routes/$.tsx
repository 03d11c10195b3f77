// Catch-all for URLs no other route claims. Without it Remix answers an unknown URL before the root loader runs, so the
// 404 page had no user and no language (always English, left to right). Matching here lets the root loader run and the
// thrown 404 shows the app's translated not-found page with the 404 status.
// Every other route ranks above a root splat, and Express serves /mcp, /apps/*, /build and public/ before Remix.
import { ErrorPage } from '~/root';

const notFound = () => {
  throw new Response(null, { status: 404, statusText: 'Not Found' });
};

export const loader = notFound;
// Forms posted to an unknown URL get the same 404 (without an action Remix would answer 405).
export const action = notFound;

// Caught here rather than in the root: after a failed action Remix runs only the loaders above the boundary, so a root
// boundary would lose the root loader's user and language on POST.
export function ErrorBoundary() {
  return <ErrorPage />;
}

// Never rendered: the loader always throws.
export default function NotFound() {
  return null;
}
