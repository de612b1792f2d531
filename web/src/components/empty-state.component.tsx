import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { icon: ReactNode; title: string; message?: string; action?: ReactNode };

/**
 * What a list shows when it has nothing: an empty list says what belongs there and offers the
 * first one; a filtered list with no results says so and offers to clear the filters.
 */
export function EmptyState({ icon, title, message, action }: Props) {
  return (
    <Center py="xl" data-testid="empty-state">
      <Stack align="center" gap="xs" maw={460} ta="center">
        <ThemeIcon variant="light" size={48} radius="xl" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={4}>{title}</Title>
        {message && (
          <Text c="dimmed" size="sm">
            {message}
          </Text>
        )}
        {action}
      </Stack>
    </Center>
  );
}
