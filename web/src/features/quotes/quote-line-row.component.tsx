import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconGripVertical, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@web/components/format';
import { useListItems } from '@web/features/lists/use-lists';
import { useTaxRateOptions } from '@web/features/catalog/use-tax-rates';
import type { LineDraft, LineProblems } from './quote-line-values';

type Props = {
  draft: LineDraft;
  index: number;
  currency: string;
  problems: LineProblems | null;
  /** The line's net and tax as the server last priced it (none while it is not a valid line). */
  priced: { net: number; tax: number } | null;
  readOnly: boolean;
  onChange: (patch: Partial<LineDraft>) => void;
  onRemove: () => void;
};

/** The handle that drags a line by pointer, or by keyboard: space picks it up, arrows move it, space drops it. */
function DragHandle({ id, label, disabled }: { id: string; label: string; disabled: boolean }) {
  const { attributes, listeners, setActivatorNodeRef } = useSortable({ id, disabled });
  if (disabled) return null;
  return (
    <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" aria-label={label} {...attributes} {...listeners} style={{ cursor: 'grab', touchAction: 'none' }}>
      <IconGripVertical size={16} />
    </ActionIcon>
  );
}

/** The item's figures: quantity, unit, price, discount (percent or amount), tax rate, and the server's net. */
function ItemFields({ draft, currency, problems, priced, readOnly, onChange }: Omit<Props, 'index' | 'onRemove'>) {
  const { t } = useTranslation();
  const units = useListItems('product_unit');
  const rates = useTaxRateOptions(Number(draft.taxRate));
  const invalid = (field: keyof LineProblems) => (problems?.[field] ? t('quotes:line.invalid') : undefined);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs" verticalSpacing="xs">
      <TextInput label={t('quotes:line.quantity')} inputMode="decimal" value={draft.quantity} error={invalid('quantity')} readOnly={readOnly} onChange={(event) => onChange({ quantity: event.currentTarget.value })} />
      <Select label={t('quotes:line.unit')} data={units.options(draft.unit)} value={draft.unit} clearable readOnly={readOnly} comboboxProps={{ withinPortal: true }} onChange={(unit) => onChange({ unit })} />
      <TextInput label={t('quotes:line.unitPrice', { currency })} inputMode="decimal" value={draft.unitPrice} error={invalid('unitPrice')} readOnly={readOnly} onChange={(event) => onChange({ unitPrice: event.currentTarget.value })} />
      <Stack gap={2}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="sm" fw={500} component="label" htmlFor={`${draft.key}-discount`}>{t('quotes:line.discount')}</Text>
          <SegmentedControl
            size="xs"
            aria-label={t('quotes:line.discountKind')}
            readOnly={readOnly}
            data={[{ value: 'percent', label: '%' }, { value: 'amount', label: currency }]}
            value={draft.discountKind}
            onChange={(value) => onChange({ discountKind: value === 'amount' ? 'amount' : 'percent' })}
          />
        </Group>
        <TextInput id={`${draft.key}-discount`} inputMode="decimal" value={draft.discount} error={invalid('discount')} readOnly={readOnly} onChange={(event) => onChange({ discount: event.currentTarget.value })} />
      </Stack>
      <Select label={t('quotes:line.taxRate')} data={rates} value={draft.taxRate} allowDeselect={false} readOnly={readOnly} comboboxProps={{ withinPortal: true }} onChange={(taxRate) => taxRate !== null && onChange({ taxRate })} />
      <Stack gap={2} align="flex-end" justify="flex-end">
        <Text size="xs" c="dimmed">{t('quotes:line.net')}</Text>
        <Text size="sm" fw={600} data-testid="line-net" style={{ whiteSpace: 'nowrap' }}>{priced ? formatMoney(priced.net, currency) : '—'}</Text>
      </Stack>
    </SimpleGrid>
  );
}

/** One line of the editor: an item with its figures, a section heading or a note; dragged by its handle. */
export function QuoteLineRow(props: Props) {
  const { draft, index, problems, readOnly, onChange, onRemove } = props;
  const { t } = useTranslation();
  const { setNodeRef, transform, transition, isDragging } = useSortable({ id: draft.key, disabled: readOnly });
  const kindLabel = t(`quotes:line.kind.${draft.kind}`);
  const description = draft.kind === 'section' ? (
    <TextInput aria-label={kindLabel} placeholder={kindLabel} value={draft.description} error={problems?.description ? t('quotes:line.required') : undefined} readOnly={readOnly}
      styles={{ input: { fontWeight: 700 } }} onChange={(event) => onChange({ description: event.currentTarget.value })} />
  ) : (
    <Textarea aria-label={draft.kind === 'note' ? kindLabel : t('quotes:line.description')} placeholder={draft.kind === 'note' ? kindLabel : t('quotes:line.description')}
      autosize minRows={1} maxRows={6} value={draft.description} error={problems?.description ? t('quotes:line.required') : undefined} readOnly={readOnly}
      onChange={(event) => onChange({ description: event.currentTarget.value })} />
  );
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      bg={draft.kind === 'section' ? 'var(--mantine-color-gray-light)' : undefined}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, position: 'relative', zIndex: isDragging ? 2 : undefined }}
      data-testid="quote-line"
      data-kind={draft.kind}
    >
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <DragHandle id={draft.key} disabled={readOnly} label={t('quotes:line.move', { number: index + 1 })} />
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          {description}
          {draft.kind === 'item' && <ItemFields {...props} />}
        </Stack>
        {!readOnly && (
          <ActionIcon variant="subtle" color="red" aria-label={t('quotes:line.remove', { number: index + 1 })} onClick={onRemove}>
            <IconTrash size={16} />
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}
