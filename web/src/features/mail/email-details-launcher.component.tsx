import { lazy, Suspense } from 'react';
import { withTexts } from '@web/app/i18n';

// Apart from the other launchers: the activities lists (on pages that show no e-mail texts) import only this.
const EmailDetailsModal = lazy(async () => ({ default: (await withTexts(['mail'], () => import('./email-details-modal.component'))).EmailDetailsModal }));

/** An e-mail activity's message, loaded with its texts when first opened. */
export function LazyEmailDetailsModal(props: { activityId: string; onClose: () => void }) {
  return <Suspense fallback={null}><EmailDetailsModal {...props} /></Suspense>;
}
