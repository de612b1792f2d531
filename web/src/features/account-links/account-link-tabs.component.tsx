import type { Account } from '@contract/accounts';
import { SimpleGrid, Stack } from '@mantine/core';
import { RelationshipsPanel } from './relationships-panel.component';
import { TraitsPanel } from './traits-panel.component';
import { TreePanel } from './tree-panel.component';

/** Characteristics and interest areas side by side (stacked on a phone). */
export function AccountProfileTab({ account }: { account: Account }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <TraitsPanel account={account} family="characteristics" />
      <TraitsPanel account={account} family="interests" />
    </SimpleGrid>
  );
}

/** Related accounts and the department / subsidiary tree. */
export function AccountRelationsTab({ account }: { account: Account }) {
  return (
    <Stack gap="md">
      <RelationshipsPanel account={account} />
      <TreePanel account={account} />
    </Stack>
  );
}
