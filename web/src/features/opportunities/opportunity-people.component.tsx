import type { Opportunity } from '@contract/opportunities';
import { ActionIcon, Anchor, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { useContacts } from '@web/features/accounts/use-contacts';
import { ListSelect } from '@web/features/lists/list-select.component';
import { useRemoveOpportunityPerson, useSetOpportunityPerson } from './use-opportunity-mutations';

/** The people of the organization taking part, each with a role: changed, added and removed in place. */
export function OpportunityPeople({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const contacts = useContacts(opportunity.organization.id);
  const setPerson = useSetOpportunityPerson(opportunity.id);
  const remove = useRemoveOpportunityPerson(opportunity.id);
  const [adding, setAdding] = useState<string | null>(null);
  const taken = new Set(opportunity.people.map((row) => row.person.id));
  const options = (contacts.data?.items ?? []).filter((contact) => !taken.has(contact.person.id)).map((contact) => ({ value: contact.person.id, label: contact.person.name }));
  return (
    <Stack gap="xs" data-testid="opportunity-people">
      {opportunity.people.length === 0 && <Text size="sm" c="dimmed">{t('opportunities:page.noPeople')}</Text>}
      {opportunity.people.map((row) => (
        <Paper key={row.person.id} withBorder p="xs">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/accounts/${row.person.id}`} fw={500}>{row.person.name}</Anchor>
              <Text size="xs" c="dimmed">{[row.position, row.person.email, row.person.phone].filter(Boolean).join(' · ')}</Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <ListSelect listKey="opportunity_role" aria-label={t('opportunities:field.role')} placeholder={t('opportunities:field.role')} w={180} value={row.role}
                onChange={(role) => setPerson.mutate({ personId: row.person.id, role })} />
              <ActionIcon variant="subtle" color="red" aria-label={t('opportunities:action.remove', { name: row.person.name })} onClick={() => remove.mutate(row.person.id)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      {options.length > 0 && (
        <Group gap="xs" align="flex-end">
          <Select label={t('opportunities:action.addPerson')} searchable data={options} value={adding} onChange={setAdding} comboboxProps={{ withinPortal: true }} w={240} />
          <Button leftSection={<IconPlus size={14} />} disabled={!adding} loading={setPerson.isPending}
            onClick={() => adding && setPerson.mutate({ personId: adding, role: null }, { onSuccess: () => setAdding(null) })}>
            {t('opportunities:action.addPerson')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={setPerson.error ?? remove.error} />
    </Stack>
  );
}
