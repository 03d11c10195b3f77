// The structured request log line (LOG_FORMAT=json). Only what is listed here is ever written: no query string, no
// headers (so no cookies or bearer tokens), no bodies, and path segments that look like tokens are masked.

export interface RequestLogFields {
  requestId: string;
  method: string;
  path: string;
  status: number;
  seconds: number;
}

export function requestLogLine(fields: RequestLogFields, now = new Date()) {
  return JSON.stringify({
    time: now.toISOString(),
    level: fields.status >= 500 ? 'error' : 'info',
    msg: 'request',
    requestId: fields.requestId,
    method: fields.method,
    path: fields.path,
    status: fields.status,
    durationMs: Math.round(fields.seconds * 1e4) / 10,
  });
}

// Share links (/s/…), invitations (/invite/…) and any long random-looking segment carry secrets.
const SECRET_AFTER = new Set(['s', 'invite']);
const TOKEN_LIKE = /^[A-Za-z0-9_~.%-]{20,}$/;

/** The one rule for a path segment that may carry a secret (the request log masks it, metrics never use it as a label). */
export function isSecretSegment(segment: string, previous: string | undefined) {
  return (previous !== undefined && SECRET_AFTER.has(previous)) || (TOKEN_LIKE.test(segment) && /\d/.test(segment));
}

export function redactedPath(pathname: string) {
  const segments = pathname.slice(0, 512).split('/');
  return segments.map((segment, i) => (i > 0 && isSecretSegment(segment, segments[i - 1]) ? ':redacted' : segment)).join('/');
}
