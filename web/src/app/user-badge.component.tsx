import { Avatar, Group, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useCurrentUser } from '@web/features/auth/session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

/** Who is signed in, as the user menu's button shows it (and its placeholder while the menu loads). */
export function UserBadge() {
  const me = useCurrentUser();
  return (
    <Group gap={6} wrap="nowrap">
      <Avatar size="sm" radius="xl" color="teal">
        {initials(me.name)}
      </Avatar>
      <Text size="sm" visibleFrom="sm" truncate maw={160}>
        {me.name}
      </Text>
      <IconChevronDown size={14} />
    </Group>
  );
}
