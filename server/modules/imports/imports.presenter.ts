import type { Import } from '@contract/imports';
import type { TagRef } from '@contract/tags';
import type { ImportRow } from '@server/db/database';
import { isAdmin, type Actor } from '@server/policies/actor';
import { settingsOf } from './import-jobs';

type Related = { author: { id: string; name: string } | null; error: string | null; tags: TagRef[] };

/** An import as the API shows it; abilities say which buttons the web may show. */
export function presentImport(row: ImportRow, { author, error, tags }: Related, actor: Actor): Import {
  const { mapping, rules } = settingsOf(row);
  const mine = isAdmin(actor) || row.created_by === actor.id;
  return {
    id: row.id,
    entity: row.entity,
    status: row.status,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    headers: jsonStrings(row.headers),
    mapping,
    rules,
    tags,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    created: row.created_count,
    updated: row.updated_count,
    skipped: row.skipped_count,
    failed: row.failed_count,
    error,
    jobId: row.job_id,
    createdBy: author,
    createdAt: row.created_at,
    undoneAt: row.undone_at,
    abilities: {
      run: mine && row.status === 'draft',
      undo: mine && (row.status === 'done' || row.status === 'failed'),
      resume: mine && row.status === 'failed',
    },
  };
}

function jsonStrings(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.map(String) : [];
}
