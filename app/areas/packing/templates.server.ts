// Packing templates on the server: reading them in the caller's language, and the template JSON both doors return.
// The packing texts are read with app/i18n/locale-files.server.ts (not the i18n instance, whose namespace list is
// built from the area list that this file is part of).
import type { PackingTemplate, PackingTemplateItem, Prisma } from '~/generated/prisma/client';
import { isLanguage } from '~/i18n/config';
import { readNamespace } from '~/i18n/locale-files.server';
import { notFound } from '~/domain/errors';
import type { DbLike } from '../trip-data.server';
import { translateTemplate } from './templates';

function packingTexts(language: string) {
  return readNamespace(isLanguage(language) ? language : 'en', 'packing') as Parameters<typeof translateTemplate>[1];
}

export const templateInclude = {
  items: { orderBy: [{ position: 'asc' as const }, { id: 'asc' as const }] },
  owner: { select: { displayName: true } },
} satisfies Prisma.PackingTemplateInclude;
type TemplateRow = PackingTemplate & { items: PackingTemplateItem[]; owner: { displayName: string } | null };

export function templateJson(row: TemplateRow, language: string) {
  const t = translateTemplate(row, packingTexts(language));
  return {
    id: t.id,
    name: t.name,
    builtIn: t.builtInKey !== null,
    ownerName: row.owner?.displayName ?? null,
    items: t.items.map((i) => ({ name: i.name, category: i.category, quantity: i.quantity })),
  };
}
export type PackingTemplateJson = ReturnType<typeof templateJson>;

export async function loadTemplates(db: DbLike, language: string) {
  const rows = await db.packingTemplate.findMany({ include: templateInclude, orderBy: [{ builtInKey: { sort: 'asc', nulls: 'last' } }, { name: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => templateJson(r, language));
}

export async function findTemplate(db: DbLike, templateId: number, language: string) {
  const row = await db.packingTemplate.findUnique({ where: { id: templateId }, include: templateInclude });
  if (!row) throw notFound('Packing template', templateId);
  return templateJson(row, language);
}
