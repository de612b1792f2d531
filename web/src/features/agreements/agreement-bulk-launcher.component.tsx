import type { ComponentProps } from 'react';
import { lazy, Suspense } from 'react';
import { withTexts } from '@web/app/i18n';

// The dialog (and the agreements' texts) load the first time someone opens it from the accounts list.
const AgreementBulkModal = lazy(async () => ({ default: (await withTexts(['agreements', 'validation'], () => import('./agreement-bulk-modal.component'))).AgreementBulkModal }));

/** "Send agreement from template" for the accounts list's bulk bar. */
export function LazyAgreementBulkModal(props: ComponentProps<typeof AgreementBulkModal>) {
  return <Suspense fallback={null}><AgreementBulkModal {...props} /></Suspense>;
}
