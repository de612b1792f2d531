import { escapeHtml } from '@contract/email-merge';
import type { AccountRow } from '@server/db/database';
import { fieldError } from '@server/lib/errors';
import { fieldsOf } from '@server/modules/accounts/account-fields';

/** Who an e-mail with a public link goes to: the addresses asked for, else the contact person's first address, else the account's. */
export function linkRecipients(account: AccountRow, contact: AccountRow | undefined, asked: string[] | undefined): string[] {
  if (asked && asked.length > 0) return [...new Set(asked)];
  const fallback = (contact ? fieldsOf(contact).emails[0] : undefined) ?? fieldsOf(account).emails[0];
  if (!fallback) throw fieldError('to', 'required');
  return [fallback];
}

/**
 * The HTML of an e-mail that carries a public link: the sender's text (blank lines part
 * paragraphs), the link, and a note in small print (what is attached, that the link is personal).
 */
export function linkMailHtml(text: string, link: { url: string; label: string }, note: string): string {
  const paragraphs = text.split(/\n{2,}/).map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`);
  return `${paragraphs.join('')}<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p><p style="font-size:12px;color:#868e96">${escapeHtml(note)}</p>`;
}
