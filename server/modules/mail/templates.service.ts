import { emailTemplateCreateSchema, emailTemplateUpdateSchema, type EmailTemplate, type EmailTemplateCreate, type EmailTemplateUpdate, type TemplateContent } from '@contract/emails';
import type { ListResponse } from '@contract/common';
import type { Db } from '@server/db/database';
import type { EmailTemplateRow } from '@server/db/mail-tables';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { sanitizeBody } from './html';
import { deleteTemplateRow, findTemplate, insertTemplate, listTemplateRows, updateTemplateRow } from './templates.repo';

const contentOf = (subject: string | null, html: string | null) => (subject !== null && html !== null ? { subject, html } : null);

export const presentTemplate = (row: EmailTemplateRow): EmailTemplate => ({
  id: row.id,
  name: row.name,
  es: contentOf(row.subject_es, row.html_es),
  en: contentOf(row.subject_en, row.html_en),
  updatedAt: row.updated_at,
  version: row.version,
});

/** A language's text as stored: the body passes the same allowlist as any message. */
const columns = (language: 'es' | 'en', content: TemplateContent | null) => ({
  [`subject_${language}`]: content?.subject ?? null,
  [`html_${language}`]: content ? sanitizeBody(content.html) : null,
});

export async function listTemplates(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined; q?: string | undefined }): Promise<ListResponse<EmailTemplate>> {
  authorize(actor, { domain: 'template', action: 'read' });
  const page = await listTemplateRows(db, { ...query, q: query.q ? normalizeText(query.q) : undefined });
  return { items: page.rows.map(presentTemplate), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

export async function getTemplate(db: Db, actor: Actor, id: string): Promise<EmailTemplate> {
  authorize(actor, { domain: 'template', action: 'read' });
  const row = await findTemplate(db, id);
  if (!row) throw new AppError('not_found');
  return presentTemplate(row);
}

/** A template in Spanish, English or both; admins and managers write them. */
export async function createTemplate(db: Db, actor: Actor, input: EmailTemplateCreate): Promise<EmailTemplate> {
  authorize(actor, { domain: 'template', action: 'write' });
  const data = emailTemplateCreateSchema.parse(input);
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await insertTemplate(trx, {
      id, name: data.name, name_norm: normalizeText(data.name), subject_es: null, html_es: null, subject_en: null, html_en: null,
      ...columns('es', data.es ?? null), ...columns('en', data.en ?? null),
      created_by: actor.id, created_at: now, updated_by: actor.id, updated_at: now, version: 1,
    });
    await writeAudit(trx, { actorId: actor.id, entity: 'email_template', entityId: id, accountId: null, action: 'template_created', changes: [{ field: 'name', before: null, after: data.name }] });
  });
  return getTemplate(db, actor, id);
}

export async function updateTemplate(db: Db, actor: Actor, id: string, input: EmailTemplateUpdate): Promise<EmailTemplate> {
  authorize(actor, { domain: 'template', action: 'write' });
  const data = emailTemplateUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await findTemplate(trx, id);
    if (!before) throw new AppError('not_found');
    if (before.version !== data.version) throw new AppError('stale_version');
    const next = { ...presentTemplate(before), ...(data.name !== undefined ? { name: data.name } : {}), ...(data.es !== undefined ? { es: data.es } : {}), ...(data.en !== undefined ? { en: data.en } : {}) };
    if (!next.es && !next.en) throw fieldError('es', 'one_of');
    const patch = { name: next.name, name_norm: normalizeText(next.name), ...columns('es', next.es), ...columns('en', next.en), updated_by: actor.id, updated_at: nowIso() };
    if (!(await updateTemplateRow(trx, id, data.version, patch))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'email_template', entityId: id, accountId: null, action: 'template_updated', changes: [{ field: 'name', before: before.name, after: next.name }] });
  });
  return getTemplate(db, actor, id);
}

export async function deleteTemplate(db: Db, actor: Actor, id: string): Promise<void> {
  authorize(actor, { domain: 'template', action: 'write' });
  await db.transaction().execute(async (trx) => {
    const before = await findTemplate(trx, id);
    if (!before || !(await deleteTemplateRow(trx, id))) throw new AppError('not_found');
    await writeAudit(trx, { actorId: actor.id, entity: 'email_template', entityId: id, accountId: null, action: 'template_deleted', changes: [{ field: 'name', before: before.name, after: null }] });
  });
}
