// MCP prompts. Each prompt that reads trip data does so through a procedure, so membership and scopes apply.
import type { Actor } from '~/auth/actor.server';

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

export const STATIC_TOKEN_NOTICE =
  'This session uses a static API token. Static tokens are deprecated: they carry every permission and never expire. ' +
  'Ask the user to connect this client with OAuth instead (Waymark → Settings → Integrations → MCP) and then delete the static token.';

export const PROMPTS: PromptDefinition[] = [
  {
    name: 'trip-summary',
    description: 'Summarise one trip: dates, members, the plan day by day and where you stay.',
    arguments: [{ name: 'tripId', description: 'The id of the trip (see list_trips)', required: true }],
    available: () => true,
    async get(args, ctx) {
      const tripId = Number(args.tripId);
      if (!args.tripId || !Number.isInteger(tripId) || tripId <= 0) {
        throw new PromptArgumentError('tripId: must be a trip id (a whole number)');
      }
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
