import type { AccountDocument } from '@contract/documents';
import type { DocumentRow } from '@server/db/database';

/** What leaves the server about a document: never its storage key. */
export function presentDocument(row: DocumentRow & { uploaded_by_name: string | null }): AccountDocument {
  return {
    id: row.id,
    accountId: row.account_id,
    opportunityId: row.opportunity_id,
    projectId: row.project_id ?? null,
    name: row.name,
    size: Number(row.size),
    contentType: row.content_type,
    uploadedBy: row.uploaded_by && row.uploaded_by_name ? { id: row.uploaded_by, name: row.uploaded_by_name } : null,
    uploadedAt: row.uploaded_at,
    downloadUrl: `/api/v1/accounts/${row.account_id}/documents/${row.id}/content`,
  };
}
