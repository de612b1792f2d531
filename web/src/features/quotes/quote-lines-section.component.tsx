import type { Quote } from '@contract/quotes';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconBook, IconHeading, IconNote, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/error-alert.component';
import { ProductPicker } from './product-picker.component';
import { QuoteLineRow } from './quote-line-row.component';
import { emptyLine, lineFromProduct, type LineDraft } from './quote-line-values';
import { QuoteTotalsPanel } from './quote-totals.component';
import { useLineDrafts } from './use-line-drafts';
import type { Autosave } from './use-quote-autosave';
import { saveQuoteLines } from './use-quote-mutations';

/** The quote's lines (from the catalog or typed), dragged into order, with the server's totals beside them; saved as they change. */
export function QuoteLinesSection({ quote, autosave }: { quote: Quote; autosave: Autosave }) {
  const { t, i18n } = useTranslation();
  const lines = useLineDrafts(quote);
  const { report } = autosave;
  const { dirty, inputs, markSaved } = lines;
  const id = quote.id;
  // Due while the drafts differ from the saved lines and every line reads as a line (else: invalid, marked on the line).
  const due = useMemo(() => (dirty && inputs ? (version: number) => saveQuoteLines(id, { version, lines: inputs }) : null), [dirty, inputs, id]);
  useEffect(() => report('lines', { due, invalid: dirty && !inputs, onSaved: (saved) => markSaved(saved.version) }), [report, due, dirty, inputs, markSaved]);
  const [picking, setPicking] = useState(false);
  const readOnly = !quote.abilities.edit;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const lastRate = [...lines.drafts].reverse().find((draft) => draft.kind === 'item')?.taxRate ?? '0';

  const change = (update: (current: LineDraft[]) => LineDraft[]) => lines.change(update);
  const add = (line: LineDraft) => change((current) => [...current, line]);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    autosave.hold(false);
    if (!over || active.id === over.id) return;
    change((current) => arrayMove(current, current.findIndex((draft) => draft.key === active.id), current.findIndex((draft) => draft.key === over.id)));
  };
  return (
    <Stack gap="sm">
      {lines.drafts.length === 0 && <Text c="dimmed" size="sm">{t('quotes:lines.empty')}</Text>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragStart={() => autosave.hold(true)} onDragCancel={() => autosave.hold(false)} onDragEnd={onDragEnd}>
        <SortableContext items={lines.drafts.map((draft) => draft.key)} strategy={verticalListSortingStrategy}>
          <Stack gap="xs" data-testid="quote-lines">
            {lines.drafts.map((draft, index) => (
              <QuoteLineRow
                key={draft.key}
                draft={draft}
                index={index}
                currency={quote.currency}
                problems={lines.problems[index] ?? null}
                priced={lines.totals?.lines[index] ?? null}
                readOnly={readOnly}
                onChange={(patch) => change((current) => current.map((line) => (line.key === draft.key ? { ...line, ...patch } : line)))}
                onRemove={() => change((current) => current.filter((line) => line.key !== draft.key))}
              />
            ))}
          </Stack>
        </SortableContext>
      </DndContext>
      {!readOnly && (
        <Group gap="xs">
          <Button variant="light" leftSection={<IconBook size={16} />} onClick={() => setPicking(true)}>{t('quotes:lines.fromCatalog')}</Button>
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => add(emptyLine('item', lastRate))}>{t('quotes:lines.addItem')}</Button>
          <Button variant="default" leftSection={<IconHeading size={16} />} onClick={() => add(emptyLine('section'))}>{t('quotes:lines.addSection')}</Button>
          <Button variant="default" leftSection={<IconNote size={16} />} onClick={() => add(emptyLine('note'))}>{t('quotes:lines.addNote')}</Button>
        </Group>
      )}
      <ErrorAlert error={lines.previewError} />
      {lines.totals && <QuoteTotalsPanel totals={lines.totals} currency={quote.currency} pending={lines.pricing} unsaved={lines.dirty} />}
      {picking && (
        <ProductPicker
          currency={quote.currency}
          onClose={() => setPicking(false)}
          onPick={(product) => {
            setPicking(false);
            add(lineFromProduct(product, quote.currency, i18n.language));
          }}
        />
      )}
    </Stack>
  );
}
