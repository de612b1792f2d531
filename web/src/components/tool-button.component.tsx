import { Button, type ButtonProps, type ElementProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = ButtonProps & ElementProps<'button', keyof ButtonProps> & { icon: ReactNode; compact?: boolean };

/** A list page's toolbar button, most often the target of a menu or popover. */
export function ToolButton({ icon, compact = false, ...props }: Props) {
  return <Button variant="default" size={compact ? 'xs' : 'sm'} leftSection={icon} {...props} />;
}

/** Holds the place of a menu that is still loading: looks the same, but neither keyboard nor screen readers reach it. */
export function ToolButtonPlaceholder(props: Props) {
  return <ToolButton aria-hidden tabIndex={-1} {...props} />;
}
