import type { Account } from '@contract/accounts';
import type { Contact } from '@contract/contacts';
import { ActionIcon, Anchor, Button, Center, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconLinkOff, IconMail, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirm } from '@web/components/confirm';
import { ConfirmMutationModal } from '@web/components/confirm-mutation-modal.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { LazyComposeModal } from '@web/features/mail/mail-launchers.component';
import { AddContactModal } from './add-contact-modal.component';
import { matchingContacts, searchableFrom } from './contact-search';
import { EditContactModal } from './edit-contact-modal.component';
import { KindIcon } from './kind-icon.component';
import { useContacts } from './use-contacts';
import { useRemoveContact } from './use-remove-contact';

/** For an organization, its people; for a person, the organizations they belong to. */
export function AccountContacts({ account }: { account: Account }) {
  const { t } = useTranslation();
  const contacts = useContacts(account.id);
  const remove = useRemoveContact(account.id);
  const [addOpened, add] = useDisclosure(false);
  const editing = useConfirm<Contact>();
  const removing = useConfirm<Contact>();
  const [writing, setWriting] = useState<Contact | null>(null);
  const [query, setQuery] = useState('');
  const isOrganization = account.kind === 'organization';
  const canEdit = account.abilities.update;
  const otherName = (contact: Contact) => (isOrganization ? contact.person.name : contact.organization.name);

  if (contacts.isPending) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }

  const all = contacts.data?.items ?? [];
  const searchable = all.length > searchableFrom;
  const items = searchable ? matchingContacts(all, query, isOrganization) : all;
  return (
    <Stack gap="sm">
      <ErrorAlert error={contacts.error} />
      {canEdit && (
        <Button leftSection={<IconPlus size={16} />} onClick={add.open} style={{ alignSelf: 'flex-start' }}>
          {t(isOrganization ? 'accounts:contacts.addPerson' : 'accounts:contacts.addOrganization')}
        </Button>
      )}
      {searchable && (
        <TextInput
          aria-label={t('accounts:contacts.search')}
          placeholder={t('accounts:contacts.searchCount', { count: all.length })}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
      )}
      {searchable && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('accounts:contacts.noMatch')}
        </Text>
      )}
      {all.length === 0 && (
        <Text c="dimmed" size="sm">
          {t(isOrganization ? 'accounts:contacts.emptyOrganization' : 'accounts:contacts.emptyPerson')}
        </Text>
      )}
      {items.map((contact) => {
        const other = isOrganization ? contact.person : contact.organization;
        const role = [contact.position, contact.area].filter(Boolean).join(' · ');
        const reach = isOrganization ? [contact.person.email, contact.person.phone].filter(Boolean).join(' · ') : '';
        return (
          <Paper key={contact.id} withBorder p="sm">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <KindIcon kind={isOrganization ? 'person' : 'organization'} />
                  <Anchor component={Link} to={`/accounts/${other.id}`} fw={600} truncate>
                    {other.name}
                  </Anchor>
                </Group>
                <Text size="sm">{role || t('accounts:contacts.noPosition')}</Text>
                {reach && (
                  <Text size="xs" c="dimmed" truncate>
                    {reach}
                  </Text>
                )}
              </Stack>
              {isOrganization && contact.person.email && (
                <ActionIcon variant="subtle" aria-label={t('mail:compose.writeTo', { name: contact.person.name })} onClick={() => setWriting(contact)}>
                  <IconMail size={18} />
                </ActionIcon>
              )}
              {canEdit && (
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={t('accounts:contacts.edit', { name: otherName(contact) })} onClick={() => editing.ask(contact)}>
                    <IconEdit size={18} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('accounts:contacts.remove', { name: otherName(contact) })}
                    onClick={() => removing.ask(contact)}
                  >
                    <IconLinkOff size={18} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
          </Paper>
        );
      })}
      <AddContactModal account={account} opened={addOpened} onClose={add.close} />
      {writing && (
        <LazyComposeModal target={{ accountId: account.id, contactId: writing.person.id, to: writing.person.email ? [writing.person.email] : [] }} onClose={() => setWriting(null)} />
      )}
      {editing.subject && <EditContactModal accountId={account.id} contact={editing.subject} onClose={editing.close} />}
      <ConfirmMutationModal
        confirming={removing}
        mutation={remove}
        title={t('accounts:contacts.removeTitle')}
        message={(subject) => t('accounts:contacts.removeMessage', { person: subject.person.name, organization: subject.organization.name })}
        confirmLabel={t('accounts:contacts.removeConfirm')}
        danger
      />
    </Stack>
  );
}
