// tRPC's batch link puts the queries that start together into one GET (`/api/trpc/a,b?batch=1&input={"0":…,"1":…}`)
// and which queries share a batch depends on timing. The service worker therefore saves each query's answer under its
// own key and, offline, answers a batch from those pieces, whatever grouping the page asks for this time.

export interface TrpcQuery {
  /** The procedure path, e.g. `packing.listPackingItems`. */
  path: string;
  /** The cache key of this one query: `<origin>/api/trpc/<path>?input=<json>`. */
  key: string;
}

export interface TrpcGet {
  batch: boolean;
  queries: TrpcQuery[];
}

const PREFIX = '/api/trpc/';

/** The queries of a tRPC GET, or null for a URL that is not one. */
export function parseTrpcGet(href: string): TrpcGet | null {
  const url = new URL(href);
  if (!url.pathname.startsWith(PREFIX)) return null;
  const paths = decodeURIComponent(url.pathname.slice(PREFIX.length)).split(',').filter(Boolean);
  if (paths.length === 0) return null;
  const batch = url.searchParams.get('batch') === '1';
  let inputs: unknown;
  try {
    const raw = url.searchParams.get('input');
    inputs = raw === null ? undefined : JSON.parse(raw);
  } catch {
    return null;
  }
  if (!batch && paths.length > 1) return null;
  const inputOf = (index: number) => (batch ? (inputs as Record<string, unknown> | undefined)?.[String(index)] : inputs);
  return {
    batch,
    queries: paths.map((path, index) => ({ path, key: queryKey(url.origin, path, inputOf(index)) })),
  };
}

export function queryKey(origin: string, path: string, input: unknown) {
  return `${origin}${PREFIX}${encodeURIComponent(path)}?input=${encodeURIComponent(JSON.stringify(input ?? null))}`;
}

/**
 * The answer of each query in a response body: for a batch the body is an array with one entry per query, else the
 * entry itself. Only successes are returned (an error, e.g. UNAUTHORIZED, is not worth replaying offline).
 */
export function splitAnswers(get: TrpcGet, body: unknown): Map<string, unknown> {
  const entries = get.batch ? (Array.isArray(body) ? body : []) : [body];
  const answers = new Map<string, unknown>();
  get.queries.forEach((query, index) => {
    const entry = entries[index] as { result?: unknown } | undefined;
    if (entry && typeof entry === 'object' && 'result' in entry) answers.set(query.key, entry);
  });
  return answers;
}

/** The error entry for a query that was never saved: the page shows its usual "could not be loaded" with a retry. */
export const NOT_SAVED = {
  error: {
    message: 'Not available offline',
    code: -32603,
    data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 503, offline: true },
  },
};

/** Rebuilds a response body from saved answers; null when not one of the queries was saved. */
export function assembleAnswers(get: TrpcGet, saved: (unknown | undefined)[]): { body: unknown; complete: boolean } | null {
  if (saved.every((entry) => entry === undefined)) return null;
  const entries = saved.map((entry) => entry ?? NOT_SAVED);
  return { body: get.batch ? entries : entries[0], complete: saved.every((entry) => entry !== undefined) };
}
