// A notification's text in the reader's language, from its type and params (agents and the inbox get sentences, not
// translation keys — the original's defect).
import type { TFunction, i18n as I18n } from 'i18next';
import type { Notification as NotificationRow } from '~/generated/prisma/client';
import { DEFAULT_LANGUAGE, isLanguage, type LanguageCode } from '~/i18n/config';

const instances = new Map<LanguageCode, Promise<I18n>>();

export async function notificationTranslator(language: string | null | undefined): Promise<TFunction> {
  const lng = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  let instance = instances.get(lng);
  if (!instance) {
    // Loaded on first use: i18n.server reads the area list (for its namespaces), which includes this area.
    instance = import('~/i18n/i18n.server').then(({ serverI18n }) => serverI18n(lng));
    instances.set(lng, instance);
  }
  return (await instance).getFixedT(lng, 'notifications');
}

type Params = Record<string, string | number | string[]>;

export function notificationText(t: TFunction, type: string, raw: unknown): string {
  const params: Params = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Params) } : {};
  if (typeof params.status === 'string') params.status = t(`status.${params.status}`, { defaultValue: params.status });
  params.actor ??= t('someone');
  params.trip ??= t('aTrip');
  params.client ??= t('anAgent');
  return t(`types.${type}.text`, { ...params, defaultValue: t('generic') }) as string;
}

export function notificationJson(t: TFunction, row: NotificationRow) {
  return {
    id: row.id,
    type: row.type,
    text: notificationText(t, row.type, row.params),
    tripId: row.tripId,
    link: row.link,
    read: row.readAt !== null,
    params: row.params as Params,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type NotificationJson = ReturnType<typeof notificationJson>;
