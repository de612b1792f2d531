import type { ImportField, ImportMapping } from '@contract/imports';
import { Paper, Select, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Import } from '@contract/imports';

type Props = { imp: Import; mapping: ImportMapping; options: Array<{ value: ImportField; label: string }>; onChange: (mapping: ImportMapping) => void };

/** Step 2: each column of the file and the field it fills (proposed by the server), or none. */
export function ImportMappingTable({ imp, mapping, options, onChange }: Props) {
  const { t } = useTranslation();
  const fieldOf = (value: string | null): ImportField | null => options.find((option) => option.value === value)?.value ?? null;
  return (
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
                  onChange={(value) => onChange(mapping.map((old, at) => (at === index ? fieldOf(value) : old)))}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
