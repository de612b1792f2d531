import type { EmailBulkSelection } from '@contract/emails';
import { Button } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { withTexts } from '@web/app/i18n';
import type { ComposeTarget } from './compose-modal.component';

// The compose, bulk and details dialogs (and their editor) load the first time one is opened.
const ComposeModal = lazy(async () => ({ default: (await withTexts(['mail'], () => import('./compose-modal.component'))).ComposeModal }));
const BulkMailModal = lazy(async () => ({ default: (await withTexts(['mail'], () => import('./bulk-mail-modal.component'))).BulkMailModal }));

/** "Send e-mail" on a record (an account, a lead, a contact). */
export function ComposeButton({ target, variant = 'default', size }: { target: ComposeTarget; variant?: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} leftSection={<IconMail size={16} />} onClick={() => setOpen(true)}>{t('mail:compose.open')}</Button>
      {open && <Suspense fallback={null}><ComposeModal target={target} onClose={() => setOpen(false)} /></Suspense>}
    </>
  );
}

/** The compose dialog opened from elsewhere (a contact's row). */
export function LazyComposeModal({ target, onClose }: { target: ComposeTarget; onClose: () => void }) {
  return <Suspense fallback={null}><ComposeModal target={target} onClose={onClose} /></Suspense>;
}

export function LazyBulkMailModal(props: { selection: EmailBulkSelection; title: string; onClose: () => void; onStarted?: () => void; children?: ReactNode }) {
  return <Suspense fallback={null}><BulkMailModal {...props} /></Suspense>;
}
