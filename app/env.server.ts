// Configuration, parsed once at boot. A bad value stops start-up with one line naming the variable.
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './utils/client-ip';
import { OSM_TILES } from './domain/map-tiles';

const intFrom = (fallback: number, min = 1, max = 1_000_000) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const boolFrom = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === '1'));

const databaseUrl = z
  .string()
  .optional()
  .refine(
    (v) => !v || /^postgres(ql)?:\/\/[^\s]+$/.test(v),
    'must be a postgresql://user:password@host:port/database URL (or unset for the embedded database)',
  );

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
    PORT: intFrom(3000, 0, 65535),
    HOST: z.string().min(1).default('0.0.0.0'),
    APP_URL: z
      .string()
      .url('must be an absolute URL such as https://trips.example.com')
      .optional()
      .transform((v) => v?.replace(/\/+$/, '')),
    DATABASE_URL: databaseUrl,
    DATA_DIR: z.string().min(1).default('./data'),
    ADMIN_EMAIL: z.string().email('must be an e-mail address').optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    MCP_RATE_LIMIT: intFrom(300),
    MCP_MAX_SESSION_PER_USER: intFrom(20),
    MCP_SESSION_IDLE_MINUTES: intFrom(60),
    PUSHER_APP_ID: z.string().min(1).optional(),
    PUSHER_KEY: z.string().min(1).optional(),
    PUSHER_SECRET: z.string().min(1).optional(),
    PUSHER_CLUSTER: z.string().min(1).optional(),
    PUSHER_HOST: z.string().min(1).optional(),
    PUSHER_PORT: intFrom(443, 1, 65535),
    PUSHER_USE_TLS: boolFrom(true),
    OUTBOUND_ALLOW_PRIVATE: boolFrom(false),
    REALTIME_MAX_CONNECTIONS_PER_IP: intFrom(50),
    AUDIT_RETENTION_DAYS: intFrom(365, 1, 36_500),
    REGISTER_RATE_LIMIT: intFrom(10),
    REALTIME_MAX_CONNECTIONS_PER_USER: intFrom(20),
    // Behind a TLS proxy every socket address is the proxy's: without this, throttles would key everyone alike.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v, ctx) => {
        try {
          return parseTrustProxy(v);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    NOMINATIM_URL: z.string().url('must be an absolute URL').default('https://nominatim.openstreetmap.org'),
    OPEN_METEO_URL: z.string().url('must be an absolute URL').default('https://api.open-meteo.com'),
    // Exchange rates for the budget's "fetch current rates" (Frankfurter's API: ECB reference rates, no key); empty: off.
    BUDGET_RATES_URL: z.union([z.literal(''), z.string().url('must be an absolute URL or empty')]).default('https://api.frankfurter.app'),
    OPEN_METEO_ARCHIVE_URL: z.string().url('must be an absolute URL').default('https://archive-api.open-meteo.com'),
    MAP_TILE_URL: z
      .string()
      .default(OSM_TILES.url)
      .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && v.includes('{z}') && v.includes('{x}') && v.includes('{y}'), 'must be an http(s) URL template with {z}, {x} and {y}'),
    MAP_TILE_ATTRIBUTION: z.string().default(OSM_TILES.attribution),
    WIKIMEDIA_COMMONS_URL: z.string().url('must be an absolute URL').default('https://commons.wikimedia.org'),
    GOOGLE_MAPS_URL: z.string().url('must be an absolute URL').default('https://www.google.com'),
    GOOGLE_MAPS_SHORT_LINK_URL: z.string().url('must be an absolute URL').default('https://maps.app.goo.gl'),
    // Google Places API (New), used only once an administrator has saved a key (Admin → Map)
    GOOGLE_PLACES_URL: z.string().url('must be an absolute URL').default('https://places.googleapis.com'),
    OSRM_URL: z.string().url('must be an absolute URL').optional(),
    LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
    // Operations (app/ops/): log lines as JSON objects, the Prometheus endpoint, the SIGTERM grace, the jobs' period.
    LOG_FORMAT: z.enum(['text', 'json']).default('text'),
    METRICS: z.enum(['on', 'off']).default('off'),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    SHUTDOWN_TIMEOUT_SECONDS: intFrom(25, 1, 3600),
    JOB_INTERVAL_SECONDS: intFrom(3600, 1, 86_400),
    // The bearer a host's scheduler (Vercel Cron) sends to /api/cron on serverless; unset: no such endpoint.
    CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    // Uploaded files in an S3-compatible bucket instead of DATA_DIR/uploads (required on serverless hosts).
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
    S3_ENDPOINT: z.string().url('must be an absolute URL such as https://s3.eu-central-1.amazonaws.com').optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: boolFrom(true),
    // Outgoing e-mail: smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465; empty: no e-mail.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).optional(),
    // Two-factor secrets are sealed with this AES-256 key (64 hex characters); unset: a key file in DATA_DIR (0600).
    TWO_FACTOR_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (openssl rand -hex 32)').optional(),
    // Single sign-on through an OpenID Connect provider (off unless OIDC_ISSUER is set).
    OIDC_ISSUER: z.string().url('must be the provider\'s issuer URL').optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_BUTTON_LABEL: z.string().min(1).max(60).default('Single sign-on'),
    OIDC_SSO_ONLY: boolFrom(false),
    OIDC_AUTO_CREATE: boolFrom(true),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.APP_URL) {
      ctx.addIssue({ code: 'custom', path: ['APP_URL'], message: 'is required when NODE_ENV=production' });
    }
    if (env.PUSHER_APP_ID && !(env.PUSHER_KEY && env.PUSHER_SECRET && (env.PUSHER_CLUSTER || env.PUSHER_HOST))) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUSHER_APP_ID'],
        message: 'needs PUSHER_KEY, PUSHER_SECRET and PUSHER_CLUSTER (or PUSHER_HOST) as well',
      });
    }
    if (env.S3_BUCKET && !(env.S3_ENDPOINT && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'needs S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY as well' });
    }
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'needs OIDC_CLIENT_ID as well' });
    }
    if (!!env.ADMIN_EMAIL !== !!env.ADMIN_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_EMAIL'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  });

export type RawEnv = z.input<typeof schema>;

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Public base URL without a trailing slash; issuer and audience base for OAuth. */
  appUrl: string;
  appUrlIsHttps: boolean;
  /** undefined → the embedded PostgreSQL server, its data in dataDir/postgres. */
  databaseUrl: string | undefined;
  dataDir: string;
  admin: { email: string; password: string } | undefined;
  mcp: { rateLimitPerMinute: number; maxSessionsPerUser: number; sessionIdleMs: number };
  pusher:
    | { mode: 'hosted'; appId: string; key: string; secret: string; cluster?: string; host?: string; port: number; useTLS: boolean }
    | { mode: 'embedded' };
  outboundAllowPrivate: boolean;
  /** Embedded realtime server: open WebSockets per client address, and sockets one user may have authorized. */
  realtimeLimits: { connectionsPerIp: number; connectionsPerUser: number };
  /** Audit rows older than this are deleted by the hourly purge (app/db/retention.server.ts). */
  auditRetentionDays: number;
  /** Account registrations (/register) per minute per client address. */
  registrationsPerMinute: number;
  /** Which proxies' X-Forwarded-For is believed when reading the client address (app/utils/client-ip.ts). */
  trustProxy: TrustProxy;
  /** Place search (OpenStreetMap Nominatim or compatible). */
  nominatimUrl: string;
  /** Weather: Open-Meteo forecast API, and its archive API for past days and climate averages. */
  openMeteoUrl: string;
  /** where "fetch current rates" asks (a Frankfurter-compatible API); '' when the administrator turned it off */
  budgetRatesUrl: string;
  openMeteoArchiveUrl: string;
  /** The planner map's tiles: URL template ({z}/{x}/{y}, optional {s}) and the attribution they require (HTML). */
  mapTiles: { url: string; attribution: string };
  /** Place photos: Wikimedia Commons (its API re-resolves a file's current image URL). */
  wikimediaCommonsUrl: string;
  /** An OSRM-compatible router for the map's day lines along roads; null: straight lines. */
  osrmUrl: string | null;
  /** Google Maps web (shared lists are read from it), and where maps.app.goo.gl short links are expanded. */
  googleMapsUrl: string;
  googleMapsShortLinkUrl: string;
  /** Google Places API (New): search, details and photos when an administrator configured a key */
  googlePlacesUrl: string;
  logLevel: 'silent' | 'error' | 'info';
  /** 'json': one JSON object per log line (and one per request, app/ops/); 'text': today's one-line messages. */
  logFormat: 'text' | 'json';
  /** GET /metrics (Prometheus text format) when enabled; with a token it needs `Authorization: Bearer <token>`. */
  metrics: { enabled: boolean; token: string | undefined };
  /** SIGTERM: how long in-flight requests may take to finish before connections are cut. */
  shutdownTimeoutMs: number;
  /** Scheduled jobs (purges) run once per this period across all instances sharing the database. */
  jobIntervalMs: number;
  /** The bearer of /api/cron on serverless (app/ops/cron.server.ts); undefined: the endpoint answers 404. */
  cronSecret: string | undefined;
  /** Uploaded files in an S3-compatible bucket (app/storage/s3.server.ts); null: the filesystem under dataDir. */
  s3: S3Settings | null;
  /** Outgoing e-mail (app/mail/mailer.server.ts); smtpUrl null: no e-mail is sent. */
  mail: { smtpUrl: string | null; from: string };
  /** The AES-256 key (hex) that seals two-factor secrets; undefined: DATA_DIR/two-factor.key (app/auth/two-factor-crypto.server.ts). */
  twoFactorKey: string | undefined;
  /** OpenID Connect single sign-on; null when OIDC_ISSUER is unset (app/auth/oidc.server.ts). */
  oidc: OidcSettings | null;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  buttonLabel: string;
  /** the password form, registration and password reset are off */
  ssoOnly: boolean;
  /** create an account on a first sign-in (else only link existing accounts) */
  autoCreate: boolean;
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** endpoint/bucket/key (MinIO, R2, most compatibles) rather than bucket.endpoint/key */
  pathStyle: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line per bad variable. */
export function parseConfig(source: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) picked[key] = source[key] === '' ? undefined : source[key];
  const result = schema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `Invalid configuration: ${String(i.path[0] ?? 'environment')} ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const env = result.data;
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  return {
    production: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    appUrl,
    appUrlIsHttps: appUrl.startsWith('https://'),
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    mcp: {
      rateLimitPerMinute: env.MCP_RATE_LIMIT,
      maxSessionsPerUser: env.MCP_MAX_SESSION_PER_USER,
      sessionIdleMs: env.MCP_SESSION_IDLE_MINUTES * 60_000,
    },
    pusher: env.PUSHER_APP_ID
      ? {
          mode: 'hosted',
          appId: env.PUSHER_APP_ID,
          key: env.PUSHER_KEY!,
          secret: env.PUSHER_SECRET!,
          cluster: env.PUSHER_CLUSTER,
          host: env.PUSHER_HOST,
          port: env.PUSHER_PORT,
          useTLS: env.PUSHER_USE_TLS,
        }
      : { mode: 'embedded' },
    outboundAllowPrivate: env.OUTBOUND_ALLOW_PRIVATE,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    registrationsPerMinute: env.REGISTER_RATE_LIMIT,
    realtimeLimits: { connectionsPerIp: env.REALTIME_MAX_CONNECTIONS_PER_IP, connectionsPerUser: env.REALTIME_MAX_CONNECTIONS_PER_USER },
    trustProxy: env.TRUST_PROXY,
    nominatimUrl: env.NOMINATIM_URL.replace(/\/+$/, ''),
    openMeteoUrl: env.OPEN_METEO_URL.replace(/\/+$/, ''),
    budgetRatesUrl: env.BUDGET_RATES_URL.replace(/\/+$/, ''),
    openMeteoArchiveUrl: env.OPEN_METEO_ARCHIVE_URL.replace(/\/+$/, ''),
    mapTiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    wikimediaCommonsUrl: env.WIKIMEDIA_COMMONS_URL.replace(/\/+$/, ''),
    osrmUrl: env.OSRM_URL ? env.OSRM_URL.replace(/\/+$/, '') : null,
    googleMapsUrl: env.GOOGLE_MAPS_URL.replace(/\/+$/, ''),
    googleMapsShortLinkUrl: env.GOOGLE_MAPS_SHORT_LINK_URL.replace(/\/+$/, ''),
    googlePlacesUrl: env.GOOGLE_PLACES_URL.replace(/\/+$/, ''),
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    metrics: { enabled: env.METRICS === 'on', token: env.METRICS_TOKEN },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    jobIntervalMs: env.JOB_INTERVAL_SECONDS * 1000,
    cronSecret: env.CRON_SECRET,
    s3: env.S3_BUCKET
      ? {
          endpoint: env.S3_ENDPOINT!.replace(/\/+$/, ''),
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
          pathStyle: env.S3_FORCE_PATH_STYLE,
        }
      : null,
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM ?? `Waymark <waymark@${new URL(appUrl).hostname}>` },
    twoFactorKey: env.TWO_FACTOR_KEY?.toLowerCase(),
    oidc: env.OIDC_ISSUER
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID!,
          clientSecret: env.OIDC_CLIENT_SECRET,
          buttonLabel: env.OIDC_BUTTON_LABEL,
          ssoOnly: env.OIDC_SSO_ONLY,
          autoCreate: env.OIDC_AUTO_CREATE,
        }
      : null,
  };
}
