import { bulkAccountsHandler, bulkJobKind } from '@server/commands/bulk-accounts';
import { bulkOpportunitiesHandler, opportunityBulkJobKind } from '@server/commands/bulk-opportunities';
import { importRunHandler, importUndoHandler } from '@server/modules/imports/import-jobs';
import { peruLoadHandler, peruLoadJobKind } from '@server/modules/registry/peru/peru-load.job';
import { creditCheckHandler, creditCheckJobKind, creditFeedHandler, creditFeedJobKind } from '@server/modules/credit/credit-check.job';
import { bulkEmailJobKind } from '@server/modules/mail/bulk/bulk-emails.service';
import { bulkEmailsHandler } from '@server/modules/mail/bulk/bulk-emails.job';
import { invoiceOverdueHandler, invoiceOverdueJobKind } from '@server/modules/invoices/invoice-overdue.job';
import { invoicedBasisHandler, invoicedBasisJobKind } from '@server/modules/accounts/counters/invoiced-basis.job';
import { agreementExpiryHandler, agreementExpiryJobKind } from '@server/modules/agreements/agreement-expiry.job';
import { invoiceImportRunHandler, invoiceImportRunKind, invoiceImportUndoHandler, invoiceImportUndoKind } from '@server/modules/imports/invoice-import-jobs';
import { bulkAgreementsHandler } from '@server/commands/bulk-agreements';
import { agreementBulkJobKind } from '@server/modules/agreements/agreement-bulk.service';
import type { JobHandler } from './job-context';

/**
 * Every kind of background job and its handler. A new kind (bulk account actions, e-mail…) is
 * one handler module and one line here; the worker, progress and GET /jobs/:id come with it.
 */
export const jobHandlers: Record<string, JobHandler> = {
  'import.run': importRunHandler,
  'import.undo': importUndoHandler,
  [invoiceImportRunKind]: invoiceImportRunHandler,
  [invoiceImportUndoKind]: invoiceImportUndoHandler,
  [bulkJobKind]: bulkAccountsHandler,
  [peruLoadJobKind]: peruLoadHandler,
  [creditCheckJobKind]: creditCheckHandler,
  [creditFeedJobKind]: creditFeedHandler,
  [bulkEmailJobKind]: bulkEmailsHandler,
  [opportunityBulkJobKind]: bulkOpportunitiesHandler,
  [invoiceOverdueJobKind]: invoiceOverdueHandler,
  [invoicedBasisJobKind]: invoicedBasisHandler,
  [agreementExpiryJobKind]: agreementExpiryHandler,
  [agreementBulkJobKind]: bulkAgreementsHandler,
};
