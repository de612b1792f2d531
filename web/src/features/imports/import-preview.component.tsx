import type { ImportMapping, ImportRulesInput } from '@contract/imports';
import { Badge, Center, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { ImportListValues } from './import-list-values.component';
import { useImportPreview } from './use-import-preview';

/**
 * `rules`: an accounts import's rules (an invoices import has none); `createListValues`: the rule as
 * the user has it now (the preview follows it, debounced); `label`: a field's name for this entity.
 */
type Props = {
  id: string; mapping: ImportMapping; rules?: ImportRulesInput; createListValues?: boolean; onCreateListValues?: (create: boolean) => void; label: (field: string) => string;
};

/** The first rows as they would be imported, each with its errors (those rows would be reported, not imported). */
export function ImportPreviewTable({ id, mapping, rules, createListValues = false, onCreateListValues = () => undefined, label }: Props) {
  const { t } = useTranslation();
  const preview = useImportPreview(id, mapping, rules);
  const fields = [...new Set(mapping.filter((target) => target !== null))];
  if (preview.isPending) return <Center py="md"><Loader size="sm" /></Center>;
  if (!preview.data) return <ErrorAlert error={preview.error} />;
  return (
    <Stack gap="sm">
      <ImportListValues unknown={preview.data.unknownValues} create={createListValues} onCreateChange={onCreateListValues} />
      <ScrollArea type="auto">
        <Table verticalSpacing={4} fz="sm" data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports:preview.row')}</Table.Th>
              {fields.map((field) => <Table.Th key={field}>{label(field)}</Table.Th>)}
              <Table.Th>{t('imports:preview.errors')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.data.rows.map((row) => (
              <Table.Tr key={row.rowNumber} bg={row.errors.length > 0 ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td>{row.rowNumber}</Table.Td>
                {fields.map((field) => <Table.Td key={field}>{row.values[field] ?? ''}</Table.Td>)}
                <Table.Td miw={180}>
                  {row.errors.length === 0 ? (
                    <Badge color="teal" variant="light">{t('imports:preview.ok')}</Badge>
                  ) : (
                    <Stack gap={2}>
                      {row.errors.map((error) => (
                        <Text key={`${error.field}-${error.code}`} size="xs" c="red">
                          {label(error.field)}: {error.message}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
