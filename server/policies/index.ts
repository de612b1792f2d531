import { AppError } from '@server/lib/errors';
import { canAccount, type AccountAction, canBin, type BinAction } from './account.policy';
import { canImport, type ImportAction } from './import.policy';
import { canDocument, type DocumentAction } from './document.policy';
import { canDashboard, type DashboardAction } from './dashboard.policy';
import { canActivity, canLead, canRequest, type ActivityAction, type LeadAction, type RequestAction } from './activity.policy';
import { canList, type ListAction } from './list.policy';
import { canCampaign, type CampaignAction } from './campaign.policy';
import { canOpportunity, canPipeline, type OpportunityAction, type PipelineAction } from './opportunity.policy';
import { canProject, type ProjectAction } from './project.policy';
import { canInvoice, type InvoiceAction } from './invoice.policy';
import { canAgreement, canAgreementTemplate, type AgreementAction, type AgreementTemplateAction } from './agreement.policy';
import { canMail, canTemplate, type MailAction, type TemplateAction } from './mail.policy';
import { canSavedView, type SavedViewAction } from './saved-view.policy';
import { canTag, type TagAction } from './tag.policy';
import { canUser, type UserAction } from './user.policy';
import { canCredit, canRegistry, type CreditAction, type RegistryAction } from './registry.policy';
import { canProduct, canTaxRate, type ProductAction, type TaxRateAction } from './catalog.policy';
import { canQuote, canQuoteSettings, type QuoteAction, type QuoteSettingsAction } from './quote.policy';
import type { Actor } from './actor';

export { accountScope, accountScopeOf, canAccount, canBin, type AccountScope, type PrivateTasks } from './account.policy';
export { canUser } from './user.policy';
export { canList } from './list.policy';
export { canOpportunity, canPipeline, opportunityScope } from './opportunity.policy';
export { canProject, projectScope } from './project.policy';
export { canInvoice, invoiceScope } from './invoice.policy';
export { agreementScope, canAgreement, canAgreementTemplate } from './agreement.policy';
export { canCampaign, memberScope, type MemberDrive } from './campaign.policy';
export { canImport, canSeeJob, importScope } from './import.policy';
export { canDocument } from './document.policy';
export { canDashboard } from './dashboard.policy';
export { activityPrivacy, activityScope, auditRowVisible, canActivity, canLead, canRequest, seesPrivateActivities } from './activity.policy';
export { canTag } from './tag.policy';
export { canSavedView } from './saved-view.policy';
export { canMail, canTemplate } from './mail.policy';
export { canCredit, canRegistry } from './registry.policy';
export { canProduct, canTaxRate } from './catalog.policy';
export { canQuote, canQuoteSettings, quoteScope } from './quote.policy';
export { actorKey, type Actor } from './actor';

type Check =
  | { domain: 'account'; action: AccountAction }
  | { domain: 'bin'; action: BinAction }
  | { domain: 'user'; action: UserAction }
  | { domain: 'list'; action: ListAction }
  | { domain: 'import'; action: ImportAction }
  | { domain: 'document'; action: DocumentAction }
  | { domain: 'activity'; action: ActivityAction }
  | { domain: 'request'; action: RequestAction }
  | { domain: 'opportunity'; action: OpportunityAction }
  | { domain: 'pipeline'; action: PipelineAction }
  | { domain: 'project'; action: ProjectAction }
  | { domain: 'invoice'; action: InvoiceAction }
  | { domain: 'agreement'; action: AgreementAction }
  | { domain: 'agreementTemplate'; action: AgreementTemplateAction }
  | { domain: 'campaign'; action: CampaignAction; responsible?: boolean }
  | { domain: 'lead'; action: LeadAction }
  | { domain: 'tag'; action: TagAction }
  | { domain: 'savedView'; action: SavedViewAction; view?: { ownerId: string; shared: boolean } }
  | { domain: 'mail'; action: MailAction }
  | { domain: 'template'; action: TemplateAction }
  | { domain: 'registry'; action: RegistryAction }
  | { domain: 'credit'; action: CreditAction }
  | { domain: 'product'; action: ProductAction }
  | { domain: 'taxRate'; action: TaxRateAction }
  | { domain: 'quote'; action: QuoteAction }
  | { domain: 'quoteSettings'; action: QuoteSettingsAction }
  | { domain: 'dashboard'; action: DashboardAction };

/** The single answer to "may this actor do this?". */
export function can(actor: Actor, check: Check): boolean {
  switch (check.domain) {
    case 'account':
      return canAccount(actor, check.action);
    case 'bin':
      return canBin(actor, check.action);
    case 'user':
      return canUser(actor, check.action);
    case 'list':
      return canList(actor, check.action);
    case 'import':
      return canImport(actor, check.action);
    case 'document':
      return canDocument(actor, check.action);
    case 'activity':
      return canActivity(actor, check.action);
    case 'request':
      return canRequest(actor, check.action);
    case 'lead':
      return canLead(actor, check.action);
    case 'opportunity':
      return canOpportunity(actor, check.action);
    case 'pipeline':
      return canPipeline(actor, check.action);
    case 'project':
      return canProject(actor, check.action);
    case 'invoice':
      return canInvoice(actor, check.action);
    case 'agreement':
      return canAgreement(actor, check.action);
    case 'agreementTemplate':
      return canAgreementTemplate(actor, check.action);
    case 'campaign':
      return canCampaign(actor, check.action, check.responsible);
    case 'tag':
      return canTag(actor, check.action);
    case 'savedView':
      return canSavedView(actor, check.action, check.view);
    case 'mail':
      return canMail(actor, check.action);
    case 'template':
      return canTemplate(actor, check.action);
    case 'registry':
      return canRegistry(actor, check.action);
    case 'credit':
      return canCredit(actor, check.action);
    case 'product':
      return canProduct(actor, check.action);
    case 'taxRate':
      return canTaxRate(actor, check.action);
    case 'quote':
      return canQuote(actor, check.action);
    case 'quoteSettings':
      return canQuoteSettings(actor, check.action);
    case 'dashboard':
      return canDashboard(actor, check.action);
  }
}

/**
 * Throws unless allowed. Refusals read "not found" where revealing that the thing exists
 * would leak (the bin), and "forbidden" for whole features the actor's role lacks.
 */
export function authorize(actor: Actor, check: Check, refusal: 'not_found' | 'forbidden' = 'forbidden'): void {
  if (!can(actor, check)) throw new AppError(refusal);
}
