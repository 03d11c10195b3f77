// The UI's one mapping from a failure to the text a person reads: the i18n key and params the server sent (from a
// DomainError, through tRPC or a form action) in the user's language, else the server's English message.

/** A failure as the UI receives it: what tRPC's error data carries, and what a Remix action returns to its form. */
export interface ErrorText {
  /** e.g. { key: 'errors.notFound', params: { what: 'Day note', thing: 'day_note', id: 7 } }; the namespace comes first */
  i18n?: { key: string; params?: Record<string, unknown> };
  /** the server's English text, shown when the key has no translation */
  message: string;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function translateError(error: ErrorText, t: Translate): string {
  if (!error.i18n) return error.message;
  const [ns, ...rest] = error.i18n.key.split('.');
  const params: Record<string, unknown> = { ...error.i18n.params };
  // The kind of object ("Day note") is sent in English; show it in the user's language.
  if (typeof params.thing === 'string') params.what = t(`errors:things.${params.thing}`, { defaultValue: params.what });
  return t(`${ns}:${rest.join('.')}`, { ...params, defaultValue: error.message });
}
