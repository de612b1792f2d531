import type { Account } from '@contract/accounts';
import type { TreeNode } from '@contract/account-links';
import { Anchor, Box, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuildingPlus, IconCornerDownRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useCurrentUser } from '@web/features/auth/session';
import { KindIcon } from '@web/features/accounts/kind-icon.component';
import { useAccountTree } from './use-account-links';

/** Depth-first order, so each node sits right under its parent. */
function ordered(nodes: TreeNode[], parentId: string): TreeNode[] {
  return nodes.filter((node) => node.parentId === parentId).flatMap((node) => [node, ...ordered(nodes, node.id)]);
}

/** The parent of this account, and its departments and subsidiaries down the tree. */
export function TreePanel({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tree = useAccountTree(account.id);
  const nodes = tree.data ? ordered(tree.data.items, account.id) : [];
  const canAdd = account.kind === 'organization' && me.abilities.createAccounts;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('links:tree.title')}</Title>
          {canAdd && (
            <Button size="xs" variant="light" component={Link} to={`/accounts/new?kind=organization&parentId=${account.id}`} leftSection={<IconBuildingPlus size={14} />}>
              {t('links:tree.add')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={tree.error} />
        {tree.isPending && <Loader size="sm" />}
        {tree.data?.parent && (
          <Text size="sm">
            {t('links:tree.partOf')}{' '}
            <Anchor component={Link} to={`/accounts/${tree.data.parent.id}`} fw={600}>{tree.data.parent.name}</Anchor>
          </Text>
        )}
        {tree.data && nodes.length === 0 && <Text size="sm" c="dimmed">{t('links:tree.empty')}</Text>}
        <Stack gap={4} role="tree" aria-label={t('links:tree.title')}>
          {nodes.map((node) => (
            <Box key={node.id} pl={(node.depth - 1) * 20} role="treeitem" aria-level={node.depth}>
              <Group gap={6} wrap="nowrap">
                {node.depth > 1 && <IconCornerDownRight size={14} aria-hidden />}
                <KindIcon kind={node.kind} />
                <Anchor component={Link} to={`/accounts/${node.id}`} truncate>{node.name}</Anchor>
              </Group>
            </Box>
          ))}
        </Stack>
        {tree.data?.truncated && <Text size="xs" c="dimmed">{t('links:tree.truncated')}</Text>}
      </Stack>
    </Paper>
  );
}
