import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A tag in its colour. */
export function TagBadge({ name, color, rightSection, ...props }: { name: ReactNode; color: string | null; rightSection?: ReactNode } & Omit<BadgeProps, 'color'>) {
  return (
    <Badge color={color ?? 'gray'} variant="light" tt="none" rightSection={rightSection} {...props}>
      {name}
    </Badge>
  );
}
