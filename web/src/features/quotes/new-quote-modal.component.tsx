import { Button, Group, Modal, SegmentedControl, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { AccountPicker } from '@web/features/accounts/account-picker.component';
import { useOpportunities } from '@web/features/opportunities/use-opportunities';
import { useCreateQuote } from './use-quote-mutations';

type Props = {
  /** Prefilled from the account's or the opportunity's page. */
  accountId?: string;
  opportunityId?: string;
  onClose: () => void;
};

/** Opens a draft for an account (and one of its opportunities), then its editor. */
export function NewQuoteModal({ accountId: givenAccount, opportunityId: givenOpportunity, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateQuote();
  const [kind, setKind] = useState<'organization' | 'person'>('organization');
  const [accountId, setAccountId] = useState<string | null>(givenAccount ?? null);
  const [opportunityId, setOpportunityId] = useState<string | null>(givenOpportunity ?? null);
  const opportunities = useOpportunities({ organizationId: accountId ?? '', sort: '-createdAt', limit: 50 }, Boolean(accountId) && !givenOpportunity);
  const submit = () => {
    if (!accountId) return;
    create.mutate({ accountId, opportunityId }, { onSuccess: (quote) => { onClose(); void navigate(`/quotes/${quote.id}`); } });
  };
  return (
    <Modal opened onClose={onClose} title={t('quotes:new.title')}>
      <Stack gap="sm">
        {!givenAccount && (
          <>
            <SegmentedControl data={[{ value: 'organization', label: t('quotes:new.organization') }, { value: 'person', label: t('quotes:new.person') }]} value={kind}
              onChange={(value) => { setKind(value === 'person' ? 'person' : 'organization'); setAccountId(null); setOpportunityId(null); }} />
            <AccountPicker kind={kind} label={t('quotes:field.account')} value={accountId} onChange={(id) => { setAccountId(id); setOpportunityId(null); }} exclude={[]} />
          </>
        )}
        {accountId && !givenOpportunity && kind === 'organization' && (
          <Select label={t('quotes:field.opportunity')} clearable comboboxProps={{ withinPortal: true }} value={opportunityId} onChange={setOpportunityId}
            data={(opportunities.data?.pages.flatMap((page) => page.items) ?? []).map((item) => ({ value: item.id, label: item.name }))} />
        )}
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button onClick={submit} disabled={!accountId} loading={create.isPending} data-autofocus={givenAccount ? true : undefined}>{t('quotes:new.create')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
