import type { SearchResult } from '@contract/search';
import { Combobox, Group, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { KindIcon } from '@web/features/accounts/kind-icon.component';
import { StageBadge } from '@web/features/accounts/stage-badge.component';
import classes from './quick-search.module.css';
import { useQuickSearch } from './use-quick-search';

// The last option: the accounts list filtered by the same text, where every match is.
const seeAll = '__see-all__';

function ResultOption({ item }: { item: SearchResult }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      <KindIcon kind={item.kind} />
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} truncate>
          {item.name}
        </Text>
        {item.secondary && (
          <Text size="xs" c="dimmed" truncate title={t(`search:secondary.${item.secondary.field}`)}>
            {item.secondary.value}
          </Text>
        )}
      </Stack>
      <StageBadge stage={item.stage} />
    </Group>
  );
}

/** Search as you type over the accounts the user may see; Enter or a click opens one. */
export function QuickSearch({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const search = useQuickSearch(q);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const items = search.data?.items ?? [];

  // The best hit is preselected, so typing and pressing Enter opens it.
  const { data } = search;
  useEffect(() => {
    if (data && data.items.length > 0) combobox.selectFirstOption();
    // Only when new results arrive: the store keeps its state across renders, and re-selecting on
    // every render would undo the arrow keys.
  }, [data]);

  const submit = (value: string) => {
    // "See all" takes what is in the box now, which may be ahead of the debounced results.
    void navigate(value === seeAll ? `/accounts?${new URLSearchParams({ q: text.trim() }).toString()}` : `/accounts/${value}`);
    setText('');
    combobox.closeDropdown();
    onDone?.();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={submit} width="target" position="bottom-start" shadow="md" classNames={{ option: classes.option }}>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          value={text}
          data-autofocus
          aria-label={t('search:label')}
          placeholder={t('search:placeholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={q === ''}>
        <Combobox.Options>
          {search.isError && <Combobox.Empty>{search.error.message}</Combobox.Empty>}
          {!search.data && search.isFetching && <Combobox.Empty>{t('search:searching')}</Combobox.Empty>}
          {search.data && items.length === 0 && <Combobox.Empty>{t('search:empty', { q })}</Combobox.Empty>}
          {items.map((item) => (
            <Combobox.Option key={item.id} value={item.id}>
              <ResultOption item={item} />
            </Combobox.Option>
          ))}
          {items.length > 0 && (
            <Combobox.Option value={seeAll}>
              <Text size="sm" c="teal.8" fw={500}>
                {t('search:seeAll')}
              </Text>
            </Combobox.Option>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
