// /api/cron: where a serverless host's scheduler (Vercel Cron: a GET with "Authorization: Bearer $CRON_SECRET") runs
// the scheduled jobs, since no timer outlives a serverless request. Each job runs through the same advisory lock and
// period claim as the timers of a long-lived instance (./jobs.server.ts), so a call that comes twice, or while an
// instance's timer runs the job, runs it at most once per period.
import type { Services } from '~/services/types.server';
import { jobRunnerOf } from './jobs.server';
import { bearerMatches } from '~/auth/tokens.server';

export const CRON_PATH = '/api/cron';

const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });

/** Answers a request to /api/cron. Without a CRON_SECRET the endpoint does not exist (404). */
export async function handleCron(request: Request, services: Services, secret: string | undefined): Promise<Response> {
  if (!secret) return text(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'POST') return new Response('Use GET or POST', { status: 405, headers: { Allow: 'GET, POST' } });
  if (!bearerMatches(request.headers.get('Authorization') ?? undefined, secret)) {
    return text(401, 'A valid bearer token (CRON_SECRET) is required');
  }
  const runner = jobRunnerOf(services);
  if (!runner) return text(503, 'No jobs on this instance');
  const jobs = await runner.runDue();
  const failed = Object.values(jobs).includes('failed');
  return Response.json({ jobs }, { status: failed ? 500 : 200, headers: { 'Cache-Control': 'no-store' } });
}
