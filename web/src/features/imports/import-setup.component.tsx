import { accountStages } from '@contract/accounts';
import { importTargets, type Import, type ImportMapping, type ImportRulesInput } from '@contract/imports';
import { Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { OwnerSelect } from '@web/features/accounts/owner-select.component';
import { TagSelect } from '@web/features/tags/tag-select.component';
import { ImportMappingTable } from './import-mapping-table.component';
import { ImportPreviewTable } from './import-preview.component';
import { useRunImport } from './use-run-import';

/** Steps 2 and 3 of an accounts import: the column mapping (proposed by the server), the rules, and a live preview. */
export function ImportSetup({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const run = useRunImport(imp.id);
  const [mapping, setMapping] = useState<ImportMapping>(imp.mapping.map((value) => importTargets.find((target) => target === value) ?? null));
  const [rules, setRules] = useState<ImportRulesInput>({ ...imp.rules, kind: imp.rules.kind, duplicates: imp.rules.duplicates });
  const [debounced] = useDebouncedValue({ mapping, rules }, 300);
  // A kind column makes a file of both kinds (as exports are): every field applies to some row.
  const bothKinds = mapping.includes('kind');
  const targets = importTargets.filter((target) => bothKinds ||
    (rules.kind === 'person' ? target !== 'name' : !['firstName', 'lastName', 'fullName', 'company', 'companyTaxId', 'position'].includes(target)));
  const options = targets.map((target) => ({ value: target, label: t(`imports:target.${target}`) }));

  return (
    <Stack gap="md">
      <ImportMappingTable imp={imp} mapping={mapping} options={options} onChange={setMapping} />

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
          label={(field) => t(`imports:target.${field}`, { defaultValue: field })}
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
