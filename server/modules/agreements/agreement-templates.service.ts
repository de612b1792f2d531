import {
  agreementTemplateCreateSchema, agreementTemplateUpdateSchema,
  type AgreementTemplate, type AgreementTemplateCreate, type AgreementTemplateUpdate,
} from '@contract/agreement-templates';
import type { AgreementTemplateRow, Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { findTemplate, insertTemplate, listTemplates, updateTemplateRow } from './agreement-templates.repo';

const present = (row: AgreementTemplateRow): AgreementTemplate => ({
  id: row.id, name: row.name, language: row.language, body: row.body, active: row.active, updatedAt: row.updated_at, version: row.version,
});

/** The templates to generate from (active ones), or every one for the admin page. */
export async function findAgreementTemplates(db: Db, actor: Actor, includeInactive: boolean): Promise<{ items: AgreementTemplate[] }> {
  authorize(actor, { domain: 'agreementTemplate', action: includeInactive ? 'manage' : 'read' });
  return { items: (await listTemplates(db, includeInactive)).map(present) };
}

/** A new template (admins); its text may name only an agreement's merge fields. */
export async function createAgreementTemplate(db: Db, actor: Actor, input: AgreementTemplateCreate): Promise<AgreementTemplate> {
  authorize(actor, { domain: 'agreementTemplate', action: 'manage' });
  const data = agreementTemplateCreateSchema.parse(input);
  const now = nowIso();
  const row: AgreementTemplateRow = {
    id: newId(), name: data.name, name_norm: normalizeText(data.name), language: data.language, body: data.body, active: data.active ?? true,
    created_at: now, updated_at: now, updated_by: actor.id, version: 1,
  };
  await insertTemplate(db, row);
  return present(row);
}

/** Edits the fields sent if the version is current (admins); a template is retired by deactivating it. */
export async function updateAgreementTemplate(db: Db, actor: Actor, id: string, input: AgreementTemplateUpdate): Promise<AgreementTemplate> {
  authorize(actor, { domain: 'agreementTemplate', action: 'manage' });
  const { version, ...data } = agreementTemplateUpdateSchema.parse(input);
  const before = await findTemplate(db, id);
  if (!before) throw new AppError('not_found');
  if (before.version !== version) throw new AppError('stale_version');
  const patch = {
    ...(data.name !== undefined ? { name: data.name, name_norm: normalizeText(data.name) } : {}),
    ...(data.language !== undefined ? { language: data.language } : {}),
    ...(data.body !== undefined ? { body: data.body } : {}),
    ...(data.active !== undefined ? { active: data.active } : {}),
    updated_at: nowIso(), updated_by: actor.id,
  };
  if (!(await updateTemplateRow(db, id, version, patch))) throw new AppError('stale_version');
  const after = await findTemplate(db, id);
  if (!after) throw new AppError('not_found');
  return present(after);
}
