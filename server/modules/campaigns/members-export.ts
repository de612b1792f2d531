import type { Readable } from 'node:stream';
import type { CampaignMember, MemberListQuery } from '@contract/campaigns';
import type { Language } from '@contract/common';
import type { ExportFormat, SpreadsheetOptions } from '@contract/exports';
import type { Db } from '@server/db/database';
import { csvFile, defaultSeparator, xlsxFile, type SheetCell, type SheetColumn } from '@server/lib/spreadsheet-writer';
import { authorize, type Actor } from '@server/policies';
import { listItems } from '@server/modules/lists/lists.repo';
import { requireCampaign } from './campaigns.service';
import { listMembers, memberStatusList } from './members.service';

const columns = ['name', 'kind', 'email', 'phone', 'status', 'responsible', 'note', 'lastActivity', 'nextActivity', 'sent', 'opened', 'unsubscribed', 'addedAt'] as const;
type Column = (typeof columns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: {
    name: 'Nombre', kind: 'Tipo', email: 'Correo electrónico', phone: 'Teléfono', status: 'Estado', responsible: 'Responsable', note: 'Nota',
    lastActivity: 'Última actividad', nextActivity: 'Próxima actividad', sent: 'Correos enviados', opened: 'Correos abiertos', unsubscribed: 'Baja', addedAt: 'Añadido',
  },
  en: {
    name: 'Name', kind: 'Kind', email: 'E-mail', phone: 'Phone', status: 'Status', responsible: 'Responsible', note: 'Note',
    lastActivity: 'Last activity', nextActivity: 'Next activity', sent: 'E-mails sent', opened: 'E-mails opened', unsubscribed: 'Unsubscribed', addedAt: 'Added',
  },
};
const widths: Record<Column, number> = {
  name: 32, kind: 14, email: 30, phone: 18, status: 16, responsible: 22, note: 40, lastActivity: 30, nextActivity: 30, sent: 10, opened: 10, unsubscribed: 10, addedAt: 17,
};
const kinds: Record<Language, Record<CampaignMember['account']['kind'], string>> = {
  es: { organization: 'Organización', person: 'Persona' },
  en: { organization: 'Organization', person: 'Person' },
};
const yes: Record<Language, string> = { es: 'Sí', en: 'Yes' };

const activityText = (activity: CampaignMember['lastActivity']): string => (activity ? `${activity.at.slice(0, 10)} ${activity.subject}` : '');

function cells(member: CampaignMember, statusLabels: Map<string, string>, language: Language): SheetCell[] {
  const values: Record<Column, SheetCell> = {
    name: member.account.name, kind: kinds[language][member.account.kind], email: member.account.email, phone: member.account.phone,
    status: statusLabels.get(member.status) ?? member.status, responsible: member.responsible?.name ?? '', note: member.note,
    lastActivity: activityText(member.lastActivity), nextActivity: activityText(member.nextActivity),
    sent: String(member.mail.sent), opened: String(member.mail.opened), unsubscribed: member.mail.unsubscribed ? yes[language] : '',
    addedAt: new Date(member.addedAt),
  };
  return columns.map((column) => values[column]);
}

/** The members as the list shows them, page after page (one in memory at a time): the same SQL, scope and filters. */
async function* memberRows(db: Db, actor: Actor, campaignId: string, query: Omit<MemberListQuery, 'limit' | 'cursor'>, language: Language): AsyncGenerator<SheetCell[]> {
  const labels = new Map((await listItems(db, memberStatusList, true)).map((item) => [item.key, language === 'es' ? item.label_es : item.label_en]));
  let cursor: string | undefined;
  do {
    const page = await listMembers(db, actor, campaignId, { ...query, limit: 200, cursor });
    for (const member of page.items) yield cells(member, labels, language);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** A campaign's members the actor sees, as CSV (every cell neutralised) or XLSX, streamed. */
export async function exportMembers(
  db: Db, actor: Actor, campaignId: string, query: Omit<MemberListQuery, 'limit' | 'cursor'>, format: ExportFormat, language: Language, options: SpreadsheetOptions,
): Promise<Readable> {
  authorize(actor, { domain: 'campaign', action: 'export' });
  // Refused before the download starts, not halfway through it.
  await requireCampaign(db, campaignId);
  const sheetColumns: SheetColumn[] = columns.map((column) => ({ header: headings[language][column], width: widths[column] }));
  const sheet = { name: language === 'es' ? 'Miembros' : 'Members', columns: sheetColumns, rows: memberRows(db, actor, campaignId, query, language) };
  const reader = { language, timeZone: options.timeZone ?? 'UTC' };
  return format === 'csv' ? csvFile(sheet, { ...reader, separator: options.separator ?? defaultSeparator(language) }) : xlsxFile(sheet, reader);
}
