import { z } from 'zod';
import { renderMerge } from '@contract/email-merge';
import type { Language } from '@contract/common';
import type { Db } from '@server/db/database';
import type { EmailBulkRow, EmailMessageRow } from '@server/db/mail-tables';
import { parseJsonColumn } from '@server/lib/json';
import type { Storage } from '@server/lib/storage';
import { composeMessage, type ComposedAttachment } from './compose';
import { mailTexts } from './mail-texts';
import type { MailAddress, SmtpConfig } from './smtp-config';
import type { Envelope } from './smtp-client';

const addressesSchema = z.array(z.object({ address: z.string(), name: z.string().nullable() }));
export const storedAttachmentsSchema = z.array(z.object({ name: z.string(), contentType: z.string(), size: z.number(), storageKey: z.string() }));
export type StoredAttachment = z.infer<typeof storedAttachmentsSchema>[number];
const contentSchema = z.object({
  es: z.object({ subject: z.string(), html: z.string() }).optional(),
  en: z.object({ subject: z.string(), html: z.string() }).optional(),
});
export type BulkContent = z.infer<typeof contentSchema>;
const valuesSchema = z.record(z.string(), z.string().nullable());

export const addressesOf = (json: string): MailAddress[] => parseJsonColumn(json, addressesSchema, []);
export const attachmentsOf = (json: string): StoredAttachment[] => parseJsonColumn(json, storedAttachmentsSchema, []);
export const bulkContentOf = (json: string): BulkContent => parseJsonColumn(json, contentSchema, {});
export const mergeValuesOf = (json: string | null): Record<string, string | null> => (json ? parseJsonColumn(json, valuesSchema, {}) : {});

/** The language version of a bulk's content a recipient gets: theirs, else the bulk's default, else any. */
export function contentFor(content: BulkContent, language: Language, fallback: Language): { subject: string; html: string } | null {
  return content[language] ?? content[fallback] ?? content.es ?? content.en ?? null;
}

export const unsubscribeUrl = (base: string, token: string) => `${base}/mail/u/${token}`;
export const pixelUrl = (base: string, token: string) => `${base}/mail/o/${token}.gif`;
export const pixelTag = (base: string, token: string) => `<img src="${pixelUrl(base, token)}" width="1" height="1" alt="">`;

/** What every bulk message ends with: why the reader gets it, and the way out. */
export function bulkFooter(base: string, token: string, language: Language): string {
  const texts = mailTexts[language];
  return `<hr><p style="font-size:12px;color:#868e96">${texts.footer} <a href="${unsubscribeUrl(base, token)}">${texts.unsubscribeLink}</a></p>`;
}

/** A bulk message's subject and body, rendered from its bulk's content and its own merge values. */
export function renderBulkMessage(bulk: EmailBulkRow, row: Pick<EmailMessageRow, 'language' | 'merge_values' | 'token' | 'track_opens'>): { subject: string; html: string } | null {
  const content = contentFor(bulkContentOf(bulk.content), row.language, bulk.default_language);
  if (!content) return null;
  const values = mergeValuesOf(row.merge_values);
  const subject = renderMerge(content.subject, values, false);
  const html = renderMerge(content.html, values, true);
  if (subject.unresolved.length > 0 || html.unresolved.length > 0) return null;
  const pixel = row.track_opens ? pixelTag(bulk.base_url, row.token) : '';
  return { subject: subject.text, html: `${html.text}${bulkFooter(bulk.base_url, row.token, row.language)}${pixel}` };
}

/** The envelope and the bytes of one outbox message, or why it cannot be built. */
export async function buildOutgoing(
  deps: { db: Db; storage: Storage },
  smtp: SmtpConfig,
  row: EmailMessageRow,
  bulkOf: (id: string) => Promise<EmailBulkRow | undefined>,
): Promise<{ envelope: Envelope; raw: Buffer } | { problem: string }> {
  const to = addressesOf(row.to_list);
  const cc = addressesOf(row.cc_list);
  const bcc = addressesOf(row.bcc_list);
  let subject = row.subject ?? '';
  let html = row.html ?? '';
  const headers: Record<string, string> = {};
  if (row.bulk_id) {
    const bulk = await bulkOf(row.bulk_id);
    const rendered = bulk ? renderBulkMessage(bulk, row) : null;
    if (!bulk || !rendered) return { problem: 'the bulk message could not be rendered' };
    subject = rendered.subject;
    html = rendered.html;
    // RFC 8058: mail clients offer one-click unsubscribe, which POSTs to this address.
    headers['List-Unsubscribe'] = `<${unsubscribeUrl(bulk.base_url, row.token)}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  const attachments: ComposedAttachment[] = [];
  for (const attachment of attachmentsOf(row.attachments)) {
    try {
      attachments.push({ name: attachment.name, contentType: attachment.contentType, content: await deps.storage.get(attachment.storageKey) });
    } catch {
      return { problem: `attachment ${attachment.name} is missing from storage` };
    }
  }
  const raw = await composeMessage({ id: row.id, from: smtp.from, replyTo: smtp.replyTo, to, cc, subject, html, attachments, headers });
  return { envelope: { from: smtp.from.address, to: [...to, ...cc, ...bcc].map((item) => item.address) }, raw };
}
