import { Alert, Anchor, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { MergeForm } from './merge-form.component';
import { accountQuery } from './use-account';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Merge two or three duplicate accounts (`?ids=a,b`): from the duplicate warning or a selection on the list. */
export function AccountMergePage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const ids = [...new Set((searchParams.get('ids') ?? '').split(',').filter((id) => uuid.test(id)))].slice(0, 3);
  const queries = useQueries({ queries: ids.map((id) => accountQuery(id)) });
  const accounts = queries.flatMap((query) => (query.data ? [query.data] : []));
  const error = queries.find((query) => query.error)?.error ?? null;

  let body;
  if (ids.length < 2) body = <Alert color="yellow">{t('accounts:merge.pickTwo')}</Alert>;
  else if (error) body = <ErrorAlert error={error} />;
  else if (accounts.length < ids.length) body = <Center py="xl"><Loader /></Center>;
  else if (accounts.some((account) => account.kind !== accounts[0]?.kind)) body = <Alert color="yellow">{t('accounts:merge.sameKind')}</Alert>;
  else if (accounts.some((account) => !account.abilities.update || !account.abilities.discard)) body = <Alert color="yellow">{t('accounts:merge.notAllowed')}</Alert>;
  else body = <MergeForm accounts={accounts} />;

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/accounts" size="sm">
        {t('accounts:merge.back')}
      </Anchor>
      <Title order={2}>{t('accounts:merge.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('accounts:merge.intro')}
      </Text>
      {body}
    </Stack>
  );
}
