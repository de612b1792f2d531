import type { Readable } from 'node:stream';
import { logoContentTypes, type AccountDocument } from '@contract/documents';
import type { ListResponse } from '@contract/common';
import type { Db, DocumentRow } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import type { Storage } from '@server/lib/storage';
import { cleanFileName } from '@server/lib/attachment';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { findVisibleOpportunity } from '@server/modules/opportunities/opportunities.repo';
import { findVisibleProject } from '@server/modules/projects/projects.repo';
import { presentDocument } from './documents.presenter';
import {
  deleteDocumentRow, findVisibleDocument, insertDocument, listAccountDocuments, setLogoColumn,
} from './documents.repo';
import { storeUpload } from './upload';

/** An incoming file: its stream, the client's name, and whether the size limit cut it short. */
export type Upload = { file: Readable & { truncated?: boolean }; fileName: string; maxBytes: number };

export type FileDeps = { db: Db; storage: Storage; log: { error: (object: object, message: string) => void } };
type Deps = FileDeps;

/** Deleting stored bytes after the rows are gone: a failure leaves an orphan file, never a broken row. */
export async function deleteQuietly(deps: Deps, keys: string[]): Promise<void> {
  for (const key of keys) {
    await deps.storage.delete(key).catch((error: unknown) => deps.log.error({ err: error, key }, 'could not delete a stored file'));
  }
}

/** Streams an upload to storage and refuses it (keeping nothing) when it was over the limit. */
async function store(deps: Deps, upload: Upload): Promise<{ key: string; size: number; contentType: string; name: string }> {
  const key = newId();
  const name = cleanFileName(upload.fileName);
  try {
    const { size, contentType } = await storeUpload(deps.storage, key, upload.file, name);
    if (upload.file.truncated) throw new AppError('file_too_large', { params: { maxMb: Math.floor(upload.maxBytes / (1024 * 1024)) } });
    return { key, size, contentType, name };
  } catch (error) {
    await deleteQuietly(deps, [key]);
    throw error;
  }
}

/**
 * Stores an upload that must be an image: PNG, JPEG, WebP or GIF as its content says (SVG can
 * carry script: refused). An account's logo and a product's picture.
 */
export async function storeImage(deps: Deps, upload: Upload): Promise<{ key: string; size: number; contentType: string; name: string }> {
  const stored = await store(deps, upload);
  if (!logoContentTypes.some((type) => type === stored.contentType)) {
    await deleteQuietly(deps, [stored.key]);
    throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'not_an_image' }] });
  }
  return stored;
}

/** What a document may belong to besides its account: an opportunity or a project of it. */
export type DocumentLinks = { opportunityId: string | null; projectId: string | null };

/** A document goes on an opportunity or project only of that account, which the actor sees. */
async function requireLinksOf(db: Db, actor: Actor, accountId: string, links: DocumentLinks): Promise<void> {
  if (links.opportunityId !== null) {
    const opportunity = await findVisibleOpportunity(db, actor, links.opportunityId);
    if (!opportunity || opportunity.organization_id !== accountId) throw new AppError('not_found');
  }
  if (links.projectId !== null) {
    const project = await findVisibleProject(db, actor, links.projectId);
    if (!project || project.organization_id !== accountId) throw new AppError('not_found');
  }
}

/** The account's documents tab, newest first (or one opportunity's). */
export async function listDocuments(
  db: Db, actor: Actor, accountId: string, query: { limit: number; cursor?: string | undefined; opportunityId?: string | undefined; projectId?: string | undefined },
): Promise<ListResponse<AccountDocument>> {
  await requireVisibleAccount(db, actor, accountId);
  authorize(actor, { domain: 'document', action: 'read' });
  const page = await listAccountDocuments(db, actor, accountId, query);
  return { items: page.rows.map(presentDocument), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

/**
 * Adds a document to an account the actor can see. The account is checked before a byte is
 * read, so a refused actor leaves nothing on disk; the row and its history entry land together.
 */
export async function uploadDocument(
  deps: Deps, actor: Actor, accountId: string, getUpload: () => Promise<Upload>, links: DocumentLinks = { opportunityId: null, projectId: null },
): Promise<AccountDocument> {
  await requireVisibleAccount(deps.db, actor, accountId);
  authorize(actor, { domain: 'document', action: 'upload' });
  await requireLinksOf(deps.db, actor, accountId, links);
  const stored = await store(deps, await getUpload());
  const row: DocumentRow = {
    id: newId(), account_id: accountId, purpose: 'document', name: stored.name, size: stored.size, content_type: stored.contentType,
    storage_key: stored.key, uploaded_by: actor.id, uploaded_at: nowIso(), opportunity_id: links.opportunityId, project_id: links.projectId,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      // Checked again: the account may have been discarded or handed over while the file streamed.
      await requireVisibleAccount(trx, actor, accountId);
      await requireLinksOf(trx, actor, accountId, links);
      await insertDocument(trx, row);
      await writeAudit(trx, {
        actorId: actor.id, entity: 'document', entityId: row.id, accountId, action: 'document_added',
        changes: [{ field: 'document', before: null, after: row.name }],
      });
    });
  } catch (error) {
    await deleteQuietly(deps, [stored.key]);
    throw error;
  }
  return presentDocument({ ...row, uploaded_by_name: actor.name });
}

/** The stored bytes of a document (or logo) of a visible account. */
export async function openDocument(deps: Deps, actor: Actor, accountId: string, documentId: string, purpose: DocumentRow['purpose'] = 'document') {
  authorize(actor, { domain: 'document', action: 'read' });
  const row = await findVisibleDocument(deps.db, actor, accountId, documentId, purpose);
  if (!row) throw new AppError('not_found');
  const stream = await deps.storage.get(row.storage_key).catch(() => {
    throw new AppError('not_found');
  });
  return { row, stream };
}

/** Removes a document; the history keeps who removed which file and when. */
export async function deleteDocument(deps: Deps, actor: Actor, accountId: string, documentId: string): Promise<void> {
  authorize(actor, { domain: 'document', action: 'delete' });
  const key = await deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleDocument(trx, actor, accountId, documentId, 'document');
    if (!row) throw new AppError('not_found');
    await deleteDocumentRow(trx, row.id);
    await writeAudit(trx, {
      actorId: actor.id, entity: 'document', entityId: row.id, accountId, action: 'document_deleted',
      changes: [{ field: 'document', before: row.name, after: null }],
    });
    return row.storage_key;
  });
  await deleteQuietly(deps, [key]);
}

/** The logo's stored bytes, for the list's avatars and the account page. */
export async function openLogo(deps: Deps, actor: Actor, accountId: string) {
  const account = await requireVisibleAccount(deps.db, actor, accountId);
  if (!account.logo_document_id) throw new AppError('not_found');
  return openDocument(deps, actor, accountId, account.logo_document_id, 'logo');
}

/** Sets (or, with no upload, removes) the account's logo (an image: see storeImage); the previous logo's row and file go. */
export async function replaceLogo(deps: Deps, actor: Actor, accountId: string, getUpload: (() => Promise<Upload>) | null): Promise<void> {
  await requireVisibleAccount(deps.db, actor, accountId);
  authorize(actor, { domain: 'account', action: 'update' });
  const stored = getUpload ? await storeImage(deps, await getUpload()) : null;
  let oldKey: string | null;
  try {
    oldKey = await deps.db.transaction().execute(async (trx) => {
      const account = await requireVisibleAccount(trx, actor, accountId);
      const old = account.logo_document_id ? await findVisibleDocument(trx, actor, accountId, account.logo_document_id, 'logo') : undefined;
      const row: DocumentRow | null = stored
        ? {
            id: newId(), account_id: accountId, purpose: 'logo', name: stored.name, size: stored.size, content_type: stored.contentType,
            storage_key: stored.key, uploaded_by: actor.id, uploaded_at: nowIso(), opportunity_id: null, project_id: null,
          }
        : null;
      if (row) await insertDocument(trx, row);
      await setLogoColumn(trx, accountId, row?.id ?? null);
      if (old) await deleteDocumentRow(trx, old.id);
      await writeAudit(trx, {
        actorId: actor.id, entity: 'account', entityId: accountId, accountId, action: 'logo_changed',
        changes: [{ field: 'logo', before: old?.name ?? null, after: row?.name ?? null }],
      });
      return old?.storage_key ?? null;
    });
  } catch (error) {
    if (stored) await deleteQuietly(deps, [stored.key]);
    throw error;
  }
  if (oldKey) await deleteQuietly(deps, [oldKey]);
}
