import type { Account } from '@contract/accounts';
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { initialOpportunity, missingOpportunityFields, opportunityPayload, QualifyOpportunity } from './qualify-opportunity.component';
import { useQualifyLead } from './use-qualify-lead';

type Props = { account: Account; openRequests: number; opened: boolean; onClose: () => void };

/**
 * Seed 002's "calificar": the lead becomes a customer; its open requests can be closed, and an
 * opportunity opened for its organization, in the same step (then the opportunity's page opens).
 */
export function QualifyModal({ account, openRequests, opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qualify = useQualifyLead(account.id);
  const [markHandled, setMarkHandled] = useState(true);
  const [opportunity, setOpportunity] = useState(() => initialOpportunity(account));
  const [tried, setTried] = useState(false);
  const missing = tried ? missingOpportunityFields(account, opportunity) : [];
  const close = () => {
    qualify.reset();
    setTried(false);
    onClose();
  };
  const submit = () => {
    setTried(true);
    if (missingOpportunityFields(account, opportunity).length > 0) return;
    qualify.mutate(
      { version: account.version, markRequestsHandled: markHandled && openRequests > 0, opportunity: opportunityPayload(account, opportunity) },
      {
        onSuccess: (qualified) => {
          close();
          if (qualified.opportunityId) void navigate(`/opportunities/${qualified.opportunityId}`);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title={t('leads:qualify.title')} centered size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('leads:qualify.message', { name: account.name })}</Text>
        {openRequests > 0 && (
          <Checkbox label={t('leads:qualify.markHandled', { count: openRequests })} checked={markHandled} onChange={(event) => setMarkHandled(event.currentTarget.checked)} />
        )}
        <QualifyOpportunity account={account} values={opportunity} onChange={setOpportunity} missing={missing} />
        <ErrorAlert error={qualify.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:action.cancel')}
          </Button>
          <Button color="teal" loading={qualify.isPending} onClick={submit}>
            {t('leads:action.qualify')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
