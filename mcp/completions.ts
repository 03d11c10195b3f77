// completion/complete: values for resource-template variables and prompt arguments, from what the caller may see.
// A template or prompt the session is not offered (scope, addon, availability — the same checks as listing it) and an
// unknown reference complete to nothing. Values are read through procedures as the session's actor, so membership and
// scopes apply as for any read; an id matches by its prefix, a trip or day also by (a word of) its name.
import { countryName } from '~/areas/atlas/geo.server';
import { LISTED_COUNTRY_CODES } from '~/areas/atlas/countries';
import type { CallContext } from './dispatch';
import { registry } from './dispatch';
import { PROMPTS } from './prompts';

export const MAX_COMPLETIONS = 100;

interface Candidate {
  value: string;
  /** what a name-like input is matched against (a title, a date) */
  label: string;
}

type Completer = (call: CallContext, context: Record<string, string>) => Promise<Candidate[]>;

async function read<T>(call: CallContext, path: string, input: unknown): Promise<T | null> {
  try {
    return (await call.call(path, input)) as T;
  } catch {
    return null;
  }
}

/** The countries the Atlas lists, matched by code or English name. */
export const countryCandidates = (): Candidate[] => LISTED_COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) }));
const countries: Completer = async () => countryCandidates();

const COMPLETERS: Record<string, Completer> = {
  async tripId(call) {
    const list = await read<{ trips: Array<{ id: number; title: string }> }>(call, 'trips.listTrips', { includeArchived: true });
    return (list?.trips ?? []).map((t) => ({ value: String(t.id), label: t.title }));
  },
  async dayId(call, context) {
    const tripId = Number(context.tripId);
    if (!Number.isInteger(tripId) || tripId <= 0) return [];
    const list = await read<{ days: Array<{ id: number; date: string | null; title: string | null }> }>(call, 'days.listDays', { tripId });
    return (list?.days ?? []).map((d) => ({ value: String(d.id), label: [d.date, d.title].filter(Boolean).join(' ') }));
  },
  async journeyId(call) {
    // Journeys are read through their list tool when that area is present.
    const tool = registry.toolsByName.get('list_journeys');
    if (!tool || !(await call.visible(tool))) return [];
    const list = await read<{ journeys?: Array<{ id: number; title?: string; name?: string }> }>(call, tool.path, {});
    return (list?.journeys ?? []).map((j) => ({ value: String(j.id), label: j.title ?? j.name ?? '' }));
  },
  async year() {
    const now = new Date().getUTCFullYear();
    return Array.from({ length: 11 }, (_, i) => String(now - 5 + i)).map((y) => ({ value: y, label: y }));
  },
  countryCode: countries,
  country: countries,
};

/** Candidates matching `typed`: id prefix first, then name prefix, then a word of the name, then anywhere in it. */
export function rankCandidates(candidates: Candidate[], typed: string): string[] {
  const v = typed.trim().toLowerCase();
  if (!v) return candidates.map((c) => c.value);
  const scored: Array<{ value: string; score: number; order: number }> = [];
  candidates.forEach((c, order) => {
    const label = c.label.toLowerCase();
    const score = c.value.toLowerCase().startsWith(v)
      ? 0
      : label.startsWith(v)
        ? 1
        : label.split(/[\s\-_,.·/]+/).some((w) => w.startsWith(v))
          ? 2
          : label.includes(v)
            ? 3
            : -1;
    if (score >= 0) scored.push({ value: c.value, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.value);
}

const NOTHING = { completion: { values: [] as string[], total: 0, hasMore: false } };

/** The result of completion/complete (never an error: what is unknown or hidden completes to nothing). */
export async function complete(call: CallContext, params: Record<string, unknown>) {
  const ref = (params.ref && typeof params.ref === 'object' ? params.ref : {}) as Record<string, unknown>;
  const argument = (params.argument && typeof params.argument === 'object' ? params.argument : {}) as Record<string, unknown>;
  const name = typeof argument.name === 'string' ? argument.name : '';
  const typed = typeof argument.value === 'string' ? argument.value : '';
  const contextArgs = ((params.context as Record<string, unknown> | undefined)?.arguments ?? {}) as Record<string, unknown>;
  const context: Record<string, string> = {};
  for (const [k, v] of Object.entries(contextArgs)) if (typeof v === 'string') context[k] = v;

  if (ref.type === 'ref/resource') {
    const resource = registry.resources.find((r) => r.uri === ref.uri && r.params.includes(name));
    if (!resource || !(await call.visible(resource))) return NOTHING;
    // A template's other variables may be given in the URI context too (waymark://trips/{tripId}/days/{dayId}/notes).
  } else if (ref.type === 'ref/prompt') {
    const prompt = PROMPTS.find((p) => p.name === ref.name && p.available(call.actor));
    if (!prompt || !prompt.arguments?.some((a) => a.name === name)) return NOTHING;
  } else {
    return NOTHING;
  }
  const completer = Object.hasOwn(COMPLETERS, name) ? COMPLETERS[name] : undefined;
  if (!completer) return NOTHING;
  const values = rankCandidates(await completer(call, context), typed);
  return { completion: { values: values.slice(0, MAX_COMPLETIONS), total: values.length, hasMore: values.length > MAX_COMPLETIONS } };
}
