import { Center, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@web/app/language-switch.component';

/** The frame of the pages seen before signing in. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={420}>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} c="teal.8">
              Cartera
            </Title>
            <LanguageSwitch />
          </Group>
          <Title order={3}>{title}</Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
