import type { Language } from '@contract/common';
import { Alert, Box, Center, Container, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { isApiError } from '@web/app/api-client';
import { changeLanguage, currentLanguage } from '@web/app/i18n';
import { ErrorAlert } from './error-alert.component';

/**
 * A page a customer reaches from a public link (a quote to answer, an agreement to sign) speaks the
 * record's language, chosen per record, whatever the reader's browser says; it is not remembered.
 * True once the texts are in that language.
 */
export function useRecordLanguage(language: Language | undefined): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!language) return;
    if (language === currentLanguage()) setReady(true);
    else void changeLanguage(language, { remember: false }).then(() => setReady(true));
  }, [language]);
  return ready;
}

/** The frame of a public link's page: no app shell, one sheet on a grey background, phone width first. */
export function PublicPage({ children }: { children: ReactNode }) {
  return (
    <Box bg="gray.0" mih="100dvh" py="md">
      <Container size="md" px="sm">
        <Paper p={{ base: 'sm', sm: 'xl' }} radius="md" shadow="xs">{children}</Paper>
      </Container>
    </Box>
  );
}

/** Who sent it, at the top of a public page: our company's name, tax id line and address as the settings have them. */
export function PublicIssuer({ name, taxId, address }: { name: string | null; taxId: string | null; address: string | null }) {
  return (
    <Stack gap={0}>
      {name && <Text fw={700}>{name}</Text>}
      {taxId && <Text size="sm">{taxId}</Text>}
      {address && <Text size="sm" c="dimmed">{address}</Text>}
    </Stack>
  );
}

/** One line of a record's totals on a public page: the label, and the amount kept on one line; a strong one larger. */
export function PublicAmount({ label, value, strong = false, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  const size = strong ? 'lg' : 'sm';
  const weight = strong ? 700 : 400;
  return (
    <Group justify="space-between" gap="sm" wrap="nowrap">
      <Text size={size} fw={weight}>{label}</Text>
      <Text size={size} fw={weight} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>{value}</Text>
    </Group>
  );
}

/**
 * A public link's page: a loader until the record is read and the texts speak its language, a
 * plain notice for a link that is unknown or no longer in use, else the record as `children` shows it.
 */
export function PublicRecordPage<T extends { language: Language }>({ query, notFound, children }: { query: UseQueryResult<T>; notFound: string; children: (record: T) => ReactNode }) {
  const ready = useRecordLanguage(query.data?.language);
  let body: ReactNode;
  if (query.isPending || (query.data && !ready)) body = <Center py="xl"><Loader /></Center>;
  else if (query.error) body = isApiError(query.error, 'not_found') || isApiError(query.error, 'validation_failed') ? <Alert color="gray" role="alert">{notFound}</Alert> : <ErrorAlert error={query.error} />;
  else body = children(query.data);
  return <PublicPage>{body}</PublicPage>;
}
