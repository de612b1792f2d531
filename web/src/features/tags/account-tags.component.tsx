import type { Account } from '@contract/accounts';
import { Anchor, CloseButton, Combobox, Group, TextInput, useCombobox } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { TagBadge } from './tag-badge.component';
import { useCreateTag, useToggleAccountTag } from './use-tag-mutations';
import { useAccountTags, useTags } from './use-tags';

/** The account's tags; an editor adds one (an existing tag or a new one typed in) or removes one. */
export function AccountTags({ account }: { account: Account }) {
  const { t } = useTranslation();
  const tags = useAccountTags(account.id);
  const [search, setSearch] = useState('');
  const all = useTags(search.trim());
  const toggle = useToggleAccountTag(account.id);
  const create = useCreateTag();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const assigned = tags.data?.items ?? [];
  const options = (all.data?.pages.flatMap((page) => page.items) ?? []).filter((tag) => !assigned.some((item) => item.id === tag.id));
  const exact = options.some((tag) => tag.name.toLowerCase() === search.trim().toLowerCase()) || assigned.some((tag) => tag.name.toLowerCase() === search.trim().toLowerCase());

  const pick = (value: string) => {
    setSearch('');
    combobox.closeDropdown();
    if (value === '$create') {
      create.mutate({ name: search.trim() }, { onSuccess: (tag) => toggle.mutate({ tagId: tag.id, on: true }) });
    } else {
      toggle.mutate({ tagId: value, on: true });
    }
  };

  return (
    <Group gap="xs" wrap="wrap" aria-label={t('tags:onAccount')} role="group">
      <IconTag size={16} aria-hidden />
      {assigned.map((tag) => (
        <TagBadge
          key={tag.id}
          name={<Anchor component={Link} to={`/tags/${tag.id}`} inherit c="inherit" underline="hover">{tag.name}</Anchor>}
          color={tag.color}
          rightSection={account.abilities.update ? (
            <CloseButton
              size="xs"
              aria-label={t('tags:remove', { name: tag.name })}
              onClick={(event) => {
                event.preventDefault();
                toggle.mutate({ tagId: tag.id, on: false });
              }}
            />
          ) : undefined}
        />
      ))}
      {account.abilities.update && (
        <Combobox store={combobox} onOptionSubmit={pick} withinPortal>
          <Combobox.Target>
            <TextInput
              size="xs"
              w={180}
              aria-label={t('tags:add')}
              placeholder={t('tags:add')}
              value={search}
              onChange={(event) => {
                setSearch(event.currentTarget.value);
                combobox.openDropdown();
              }}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
              onKeyDown={(event) => {
                // Enter with no option highlighted takes the tag typed: the one of that name, else a new one.
                if (event.key !== 'Enter' || combobox.getSelectedOptionIndex() >= 0 || search.trim() === '') return;
                event.preventDefault();
                const named = options.find((tag) => tag.name.toLowerCase() === search.trim().toLowerCase());
                if (named) pick(named.id);
                else if (!exact) pick('$create');
              }}
            />
          </Combobox.Target>
          <Combobox.Dropdown>
            <Combobox.Options>
              {options.slice(0, 20).map((tag) => (
                <Combobox.Option value={tag.id} key={tag.id}>{tag.name}</Combobox.Option>
              ))}
              {search.trim() !== '' && !exact && <Combobox.Option value="$create">{t('tags:createNamed', { name: search.trim() })}</Combobox.Option>}
              {options.length === 0 && search.trim() === '' && <Combobox.Empty>{t('common:status.nothingFound')}</Combobox.Empty>}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
      )}
      <ErrorAlert error={toggle.error ?? create.error} />
    </Group>
  );
}
