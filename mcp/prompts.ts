// MCP prompts. Each prompt that reads trip data does so through a procedure, so membership and scopes apply.
import type { Actor } from '~/auth/actor.server';
import { grantAllows } from '~/auth/scopes';

export interface PromptContext {
  actor: Actor;
  /** Calls a tRPC procedure by path as the session's actor (origin 'mcp'). */
  call(path: string, input: unknown): Promise<unknown>;
  appUrl: string;
}

export interface PromptDefinition {
  name: string;
  description: string;
  arguments?: Array<{ name: string; description: string; required: boolean }>;
  /** Is the prompt offered to this session at all? */
  available(actor: Actor): boolean;
  get(args: Record<string, string>, ctx: PromptContext): Promise<{ description: string; messages: PromptMessage[] }>;
}

export interface PromptMessage {
  role: 'user' | 'assistant';
  content: { type: 'text'; text: string };
}

export class PromptArgumentError extends Error {}

/** The tripId argument every trip prompt takes, and its check. */
const TRIP_ID_ARGUMENT = { name: 'tripId', description: 'The id of the trip (see list_trips)', required: true };
function tripIdOf(args: Record<string, string | undefined>) {
  const tripId = Number(args.tripId);
  if (!args.tripId || !Number.isInteger(tripId) || tripId <= 0) throw new PromptArgumentError('tripId: must be a trip id (a whole number)');
  return tripId;
}

export const STATIC_TOKEN_NOTICE =
  'This session uses a static API token. Static tokens are deprecated: they carry every permission and never expire. ' +
  'Ask the user to connect this client with OAuth instead (Waymark → Settings → Integrations → MCP) and then delete the static token.';

export const PROMPTS: PromptDefinition[] = [
  {
    name: 'trip-summary',
    description: 'Summarise one trip: dates, members, the plan day by day and where you stay.',
    arguments: [TRIP_ID_ARGUMENT],
    available: () => true,
    async get(args, ctx) {
      const tripId = tripIdOf(args);
      const summary = await ctx.call('trips.getTripSummary', { tripId });
      return {
        description: `Summary of trip ${tripId}`,
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text:
                'Write a short, friendly summary of this trip for its travellers: where and when it is, who is coming, ' +
                'the highlights of each day in order, and where they stay. Point out days with nothing planned.\n\n' +
                `Trip data (JSON):\n${JSON.stringify(summary)}`,
            },
          },
        ],
      };
    },
  },
  {
    name: 'budget-overview',
    description: 'Overview of a trip’s budget: the total in the trip currency, what each person consumed and paid, categories largest first.',
    arguments: [TRIP_ID_ARGUMENT],
    // The procedure also checks the budget addon; a session without budget:read is not offered the prompt.
    available: (actor) => grantAllows(actor.scopes, 'budget:read'),
    async get(args, ctx) {
      const tripId = tripIdOf(args);
      const figures = (await ctx.call('budget.getBudgetPerPerson', { tripId })) as BudgetPerPersonFigures;
      return {
        description: `Budget overview of trip ${tripId}`,
        messages: [{ role: 'user', content: { type: 'text', text: budgetOverviewText(figures) } }],
      };
    },
  },
  {
    name: 'collab-catch-up',
    description: 'Catch up on a trip’s collaboration: the latest chat messages (with who was mentioned) and the polls still open, with their standing.',
    arguments: [TRIP_ID_ARGUMENT],
    // The procedures check the collab addon and its parts; a part that is switched off is left out of the text.
    available: (actor) => grantAllows(actor.scopes, 'collab:read'),
    async get(args, ctx) {
      const tripId = tripIdOf(args);
      const [chat, polls] = await Promise.allSettled([
        ctx.call('collab.listCollabMessages', { tripId }) as Promise<CollabChatPage>,
        ctx.call('collab.listCollabPolls', { tripId }) as Promise<{ polls: CollabPollFigures[] }>,
      ]);
      if (chat.status === 'rejected' && polls.status === 'rejected') throw chat.reason;
      return {
        description: `Collaboration catch-up for trip ${tripId}`,
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text: collabCatchUpText(chat.status === 'fulfilled' ? chat.value : null, polls.status === 'fulfilled' ? polls.value.polls : null),
            },
          },
        ],
      };
    },
  },
  {
    name: 'packing-list',
    description:
      'The trip’s packing list as a markdown checklist by category, with the trip’s dates and places, so the model can suggest what is missing (or a whole list when it is empty).',
    arguments: [TRIP_ID_ARGUMENT],
    // The procedures also check the lists addon; a session without packing:read is not offered the prompt.
    available: (actor) => grantAllows(actor.scopes, 'packing:read'),
    async get(args, ctx) {
      const tripId = tripIdOf(args);
      const list = (await ctx.call('packing.listPackingItems', { tripId })) as { items: PackingListItem[] };
      const summary = (await ctx.call('trips.getTripSummary', { tripId })) as PackingTripFacts;
      return {
        description: `Packing list of trip ${tripId}`,
        messages: [{ role: 'user', content: { type: 'text', text: packingListText(summary, list.items) } }],
      };
    },
  },
  {
    name: 'token-auth-notice',
    description: 'Why this connection should move from a static API token to OAuth, and how.',
    available: (actor) => actor.via === 'static',
    async get(_args, ctx) {
      return {
        description: 'Static API tokens are deprecated',
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text:
                `${STATIC_TOKEN_NOTICE}\n\nTo switch: add ${ctx.appUrl}/mcp as a remote MCP server in the client without a token; ` +
                'the client discovers the OAuth server, the user signs in and approves the scopes it needs.',
            },
          },
        ],
      };
    },
  },
];

/** The fields of budget.getBudgetPerPerson the overview reads (amounts are exact decimal strings). */
interface BudgetPerPersonFigures {
  currency: string;
  total: { amount: string };
  byCategory: { category: string; amount: string }[];
  people: { displayName: string; username: string; consumed: string; paid: string; balance: string }[];
  missingRates: string[];
}

/** Markdown the model can use as is: the figures are computed by Waymark, exact, not left to the model's arithmetic. */
export function budgetOverviewText(f: BudgetPerPersonFigures) {
  const lines = [
    'Give the travellers a short overview of their trip budget from these figures (already exact; do not recompute them).',
    '',
    `**Total:** ${f.total.amount} ${f.currency}`,
    '',
    '**Per person** (consumed = their shares; paid = bills they paid; balance + means they get money back):',
    ...(f.people.length
      ? f.people.map((p) => `- ${p.displayName || p.username}: consumed ${p.consumed}, paid ${p.paid}, balance ${p.balance} ${f.currency}`)
      : ['- nobody is in a split yet']),
    '',
    '**Per category** (largest first):',
    ...(f.byCategory.length ? f.byCategory.map((c) => `- ${c.category}: ${c.amount} ${f.currency}`) : ['- no expenses yet']),
  ];
  if (f.missingRates.length) lines.push('', `Left out (no exchange rate to ${f.currency} yet): expenses in ${f.missingRates.join(', ')}.`);
  return lines.join('\n');
}

/** The fields of collab.listCollabMessages and collab.listCollabPolls the catch-up reads. */
interface CollabChatPage {
  messages: { author: { displayName: string } | null; text: string; deleted: boolean; createdAt: string }[];
}
interface CollabPollFigures {
  question: string;
  closed: boolean;
  deadline: string | null;
  options: { label: string; count: number }[];
}

export function collabCatchUpText(chat: CollabChatPage | null, polls: CollabPollFigures[] | null) {
  const lines = ['Summarise for me what the group has been discussing and deciding, and what is still open for me to answer.', ''];
  if (chat) {
    lines.push('**Latest chat messages** (oldest first):');
    const shown = chat.messages.filter((m) => !m.deleted);
    if (shown.length === 0) lines.push('- (none)');
    for (const m of shown) lines.push(`- ${m.createdAt.slice(0, 16).replace('T', ' ')} ${m.author?.displayName ?? 'someone'}: ${m.text}`);
    lines.push('');
  }
  if (polls) {
    const open = polls.filter((p) => !p.closed);
    lines.push('**Open polls:**');
    if (open.length === 0) lines.push('- (none)');
    for (const p of open) {
      const standing = p.options.map((o) => `${o.label} ${o.count}`).join(', ');
      lines.push(`- ${p.question} — ${standing}${p.deadline ? ` (closes ${p.deadline})` : ''}`);
    }
  }
  return lines.join('\n');
}

interface PackingListItem {
  name: string;
  category: string;
  quantity: number;
  checked: boolean;
}
/** The fields of trips.getTripSummary the packing prompt reads. */
interface PackingTripFacts {
  trip: { title: string; startDate: string | null; endDate: string | null };
  members: unknown[];
  days: { date: string | null; assignments: { place?: { name: string; address?: string | null } }[] }[];
}

/** The list as a markdown checklist by category (first-appearance order), and the trip facts a suggestion needs. */
export function packingListText(summary: PackingTripFacts, items: PackingListItem[]) {
  const { trip } = summary;
  const places = [...new Set(summary.days.flatMap((d) => d.assignments.map((a) => a.place?.name).filter((n): n is string => !!n)))];
  const facts = [
    `# ${trip.title}`,
    '',
    trip.startDate && trip.endDate ? `**Dates:** ${trip.startDate} to ${trip.endDate}` : '**Dates:** not set yet',
    `**Travellers:** ${summary.members.length}`,
    places.length ? `**Places:** ${places.join(', ')}` : '**Places:** none planned yet',
  ];
  if (items.length === 0) {
    return [
      ...facts,
      '',
      'The packing list is empty. Suggest a packing list for this trip, grouped by category, with quantities where they matter, ' +
        'based on the dates (season and length), the places and the weather there when you can look it up. ' +
        'It can be added in one call with bulk_import_packing.',
    ].join('\n');
  }
  const categories = [...new Set(items.map((i) => i.category))];
  const lines = [...facts, ''];
  for (const category of categories) {
    lines.push(`## ${category}`);
    for (const item of items.filter((i) => i.category === category)) lines.push(`- [${item.checked ? 'x' : ' '}] ${item.quantity > 1 ? `${item.quantity}× ` : ''}${item.name}`);
    lines.push('');
  }
  const packed = items.filter((i) => i.checked).length;
  lines.push(`${items.length} items in ${categories.length} categories, ${packed} packed.`);
  lines.push('', 'Point out what is missing for these dates, places and the weather there, and anything that seems unnecessary.');
  return lines.join('\n');
}
