import { accountStages } from '@contract/accounts';
import { importTargets, type Import, type ImportMapping, type ImportRulesInput, type ImportTarget } from '@contract/imports';
import { Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { OwnerSelect } from '@web/features/accounts/owner-select.component';
import { TagSelect } from '@web/features/tags/tag-select.component';
import { ImportPreviewTable } from './import-preview.component';
import { useRunImport } from './use-run-import';

const asTarget = (value: string | null): ImportTarget | null => importTargets.find((target) => target === value) ?? null;

/** Steps 2 and 3: the column mapping (proposed by the server), the rules, and a live preview. */
export function ImportSetup({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const run = useRunImport(imp.id);
  const [mapping, setMapping] = useState<ImportMapping>(imp.mapping.map(asTarget));
  const [rules, setRules] = useState<ImportRulesInput>({ ...imp.rules, kind: imp.rules.kind, duplicates: imp.rules.duplicates });
  const [debounced] = useDebouncedValue({ mapping, rules }, 300);
  // A kind column makes a file of both kinds (as exports are): every field applies to some row.
  const bothKinds = mapping.includes('kind');
  const targets = importTargets.filter((target) => bothKinds ||
    (rules.kind === 'person' ? target !== 'name' : !['firstName', 'lastName', 'fullName', 'company', 'companyTaxId', 'position'].includes(target)));
  const options = targets.map((target) => ({ value: target, label: t(`imports:target.${target}`) }));

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={4} mb="sm">{t('imports:mapping.title')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('imports:mapping.help', { encoding: imp.encoding, delimiter: imp.format === 'xlsx' ? 'XLSX' : JSON.stringify(imp.delimiter) })}</Text>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports:mapping.column')}</Table.Th>
              <Table.Th>{t('imports:mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imp.headers.map((header, index) => (
              <Table.Tr key={`${index}-${header}`}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{header || `#${index + 1}`}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('imports:mapping.fieldFor', { column: header })}
                    data={options}
                    value={mapping[index] ?? null}
                    placeholder={t('imports:mapping.ignore')}
                    clearable
                    searchable
                    onChange={(value) => setMapping((previous) => previous.map((old, at) => (at === index ? asTarget(value) : old)))}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">{t('imports:rules.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Radio.Group
            label={t('imports:rules.duplicates')}
            description={t('imports:rules.duplicatesHelp')}
            value={rules.duplicates ?? 'skip'}
            onChange={(value) => setRules({ ...rules, duplicates: value === 'update' ? 'update' : value === 'create' ? 'create' : 'skip' })}
          >
            <Stack gap={6} mt={6}>
              <Radio value="skip" label={t('imports:rules.skip')} />
              <Radio value="update" label={t('imports:rules.update')} />
              <Radio value="create" label={t('imports:rules.create')} />
            </Stack>
          </Radio.Group>
          <Stack gap="sm">
            <OwnerSelect value={rules.ownerIds ?? []} onChange={(ownerIds) => setRules({ ...rules, ownerIds })} />
            <Select
              label={t('imports:rules.stage')}
              placeholder={t('imports:rules.stageFromFile')}
              data={accountStages.map((stage) => ({ value: stage, label: t(`accounts:stage.${stage}`) }))}
              value={rules.stage ?? null}
              onChange={(value) => setRules({ ...rules, stage: value })}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <TagSelect
              multiple
              label={t('imports:rules.tags')}
              description={t('imports:rules.tagsHelp')}
              known={imp.tags}
              value={rules.tagIds ?? []}
              onChange={(tagIds) => setRules({ ...rules, tagIds })}
            />
          </Stack>
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">{t('imports:preview.title')}</Title>
        <ImportPreviewTable
          id={imp.id}
          mapping={debounced.mapping}
          rules={debounced.rules}
          createListValues={rules.createListValues ?? false}
          onCreateListValues={(createListValues) => setRules({ ...rules, createListValues })}
        />
      </Paper>

      <ErrorAlert error={run.error} />
      <Group justify="flex-end">
        <Button leftSection={<IconPlayerPlay size={16} />} loading={run.isPending} onClick={() => run.mutate({ mapping, rules })} data-testid="import-run">
          {t('imports:action.run')}
        </Button>
      </Group>
    </Stack>
  );
}
