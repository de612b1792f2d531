import type { Language } from '@contract/common';
import { fieldsUsed, renderMerge } from '@contract/email-merge';
import type { EmailBulkCounts } from '@contract/emails';
import { contentFor, type BulkContent } from '../outgoing';
import { pickValues } from '../merge-values';
import type { Suppression } from '../suppressions.repo';
import type { BulkRecipient, RecipientPage } from './recipient-source';

export type Accepted = { recipient: BulkRecipient; language: Language; subject: string; html: string; values: Record<string, string | null> };

export const emptyCounts = (): EmailBulkCounts => ({ recipients: 0, accounts: 0, noEmail: 0, unsubscribed: 0, bounced: 0, unresolved: 0, duplicates: 0 });

/**
 * Who of a page gets a message: each address once per send (`seen` spans the pages), never an
 * address that unsubscribed or bounced, never a message with a field left unfilled. Adds to
 * `counts` what it keeps and, by reason, what it leaves out.
 */
export function screenPage(
  page: RecipientPage, content: BulkContent, fallback: Language, seen: Set<string>, suppressed: Map<string, Suppression>,
  counts: EmailBulkCounts, unresolvedFields: Set<string>,
): Accepted[] {
  counts.accounts += page.records;
  counts.noEmail += page.noEmail;
  const accepted: Accepted[] = [];
  for (const recipient of page.recipients) {
    const address = recipient.address.toLowerCase();
    if (seen.has(address)) {
      counts.duplicates += 1;
      continue;
    }
    seen.add(address);
    const suppression = suppressed.get(address);
    if (suppression) {
      counts[suppression.reason] += 1;
      continue;
    }
    const language = recipient.language && content[recipient.language] ? recipient.language : fallback;
    const text = contentFor(content, language, fallback);
    if (!text) continue;
    const subject = renderMerge(text.subject, recipient.values, false);
    const html = renderMerge(text.html, recipient.values, true);
    const unresolved = [...subject.unresolved, ...html.unresolved];
    if (unresolved.length > 0) {
      counts.unresolved += 1;
      for (const field of unresolved) unresolvedFields.add(field);
      continue;
    }
    counts.recipients += 1;
    accepted.push({ recipient: { ...recipient, address }, language, subject: subject.text, html: html.text, values: pickValues(recipient.values, fieldsUsed(`${text.subject} ${text.html}`)) });
  }
  return accepted;
}
