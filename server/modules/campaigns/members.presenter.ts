import type { CampaignMember } from '@contract/campaigns';
import { firstOfJsonArray } from '@server/lib/json';
import type { ActivityBrief, MailCounts, MemberView } from './members.repo';

const brief = (row: ActivityBrief | undefined): CampaignMember['lastActivity'] => (row ? { id: row.id, type: row.type, subject: row.subject, at: row.at } : null);

export type MemberExtras = { last: ActivityBrief | undefined; next: ActivityBrief | undefined; mail: MailCounts | undefined; unsubscribed: boolean };

export function presentMember(row: MemberView, extras: MemberExtras): CampaignMember {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    account: { id: row.account_id, kind: row.account_kind, name: row.account_name, email: firstOfJsonArray(row.account_emails), phone: firstOfJsonArray(row.account_phones) },
    status: row.status,
    responsible: row.responsible_id && row.responsible_name !== null ? { id: row.responsible_id, name: row.responsible_name } : null,
    note: row.note,
    opportunityId: row.opportunity_id,
    lastActivity: brief(extras.last),
    nextActivity: brief(extras.next),
    mail: { sent: extras.mail?.sent ?? 0, failed: extras.mail?.failed ?? 0, opened: extras.mail?.opened ?? 0, unsubscribed: extras.unsubscribed },
    addedAt: row.added_at,
    version: row.version,
  };
}
