import type { Account } from '@contract/accounts';
import type { MergeField } from '@contract/merges';
import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowMerge, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatDate } from '@web/components/format';
import { notifications } from '@web/components/notifications';
import { formatChangeValue } from './change-value';
import { defaultChoices, defaultSurvivor, differingFields, mergeRequest, valueOf } from './merge-choices';
import { StageBadge } from './stage-badge.component';
import { useFieldValueLabel } from './use-field-value-label';
import { useMergeAccounts } from './use-merge-accounts';

/** A field's value on an account, in words ("—" when empty); the parent by name. */
function useValueText(): (account: Account, field: MergeField) => string {
  const label = useFieldValueLabel();
  return (account, field) =>
    field === 'parentId' ? formatChangeValue(account.parent?.name) : formatChangeValue(valueOf(account, field), (value) => label(field, value));
}

/** The accounts side by side: which one stays, and for each field that differs, whose value it keeps. */
export function MergeForm({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeAccounts();
  const valueText = useValueText();
  const [survivorId, setSurvivorId] = useState(() => defaultSurvivor(accounts) ?? '');
  const [choices, setChoices] = useState(() => defaultChoices(accounts, survivorId));
  const fields = differingFields(accounts);
  const columns = { base: 1, sm: accounts.length };
  const fieldLabel = (field: MergeField) => t(`accounts:historyField.${field}`, { defaultValue: field });

  const keep = (id: string) => {
    setSurvivorId(id);
    setChoices(defaultChoices(accounts, id));
  };
  const submit = () =>
    merge.mutate(mergeRequest(accounts, survivorId, choices), {
      onSuccess: (result) => {
        notifications.show({ color: 'teal', message: t('accounts:merge.done', { count: result.loserIds.length }) });
        void navigate(`/accounts/${result.survivorId}`);
      },
    });

  return (
    <Stack gap="lg">
      <Radio.Group value={survivorId} onChange={keep} label={t('accounts:merge.survivor')} description={t('accounts:merge.survivorHint')}>
        <SimpleGrid cols={columns} mt="xs">
          {accounts.map((account) => (
            <Paper key={account.id} withBorder p="sm" data-testid="merge-account">
              <Radio value={account.id} label={account.name} aria-label={t('accounts:merge.keep', { name: account.name })} />
              <Group gap="xs" mt={6} ml={30}>
                <StageBadge stage={account.stage} />
                <Text size="xs" c="dimmed">
                  {t('accounts:merge.createdAt', { date: formatDate(account.createdAt) })}
                </Text>
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {fields.length === 0 ? (
        <Text size="sm">{t('accounts:merge.noDifferences')}</Text>
      ) : (
        fields.map((field) => (
          <Radio.Group key={field} value={choices[field] ?? survivorId} onChange={(id) => setChoices({ ...choices, [field]: id })} label={fieldLabel(field)}>
            <SimpleGrid cols={columns} mt={4}>
              {accounts.map((account) => (
                <Radio
                  key={account.id}
                  value={account.id}
                  label={<Text size="sm" style={{ overflowWrap: 'anywhere' }}>{valueText(account, field)}</Text>}
                  aria-label={t('accounts:merge.valueOf', { field: fieldLabel(field), name: account.name, value: valueText(account, field) })}
                />
              ))}
            </SimpleGrid>
          </Radio.Group>
        ))
      )}
      <Alert color="blue" icon={<IconInfoCircle size={18} />}>
        {t('accounts:merge.whatMoves', { count: accounts.length - 1 })}
      </Alert>
      <ErrorAlert error={merge.error} />
      <Group>
        <Button leftSection={<IconArrowMerge size={16} />} loading={merge.isPending} onClick={submit}>
          {t('accounts:merge.submit', { count: accounts.length })}
        </Button>
        <Button variant="default" component={Link} to="/accounts">
          {t('common:action.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
