import type { Language } from '@contract/common';
import { Box, Container, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { changeLanguage, currentLanguage } from '@web/app/i18n';

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
