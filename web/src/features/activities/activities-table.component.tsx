import type { Activity } from '@contract/activities';
import { defaultActivityColumns } from '@contract/saved-views';
import { useTranslation } from 'react-i18next';
import { RecordsTable } from '@web/components/list-kit/records-table.component';
import { useActivityActions } from './activity-actions.component';
import { ActivityCard, activityRowAttributes, activityRowStyle, useActivityColumns } from './activity-columns';

type Props = { items: Activity[]; showAccount?: boolean; showOpportunity?: boolean; numbered?: boolean; dateField?: 'startAt' | 'remindAt' };

/** A short list of activities (an account's, my reminders) coloured by status, with their actions; cards at phone width. */
export function ActivitiesTable({ items, showAccount = true, showOpportunity = true, numbered = false, dateField = 'startAt' }: Props) {
  const { t } = useTranslation();
  const actions = useActivityActions();
  const columns = useActivityColumns({ visible: defaultActivityColumns.filter((column) => showAccount || column !== 'account'), dateField, showOpportunity });
  const order = new Map(items.map((item, index) => [item.id, index + 1]));
  return (
    <>
      <RecordsTable
        items={items}
        columns={numbered ? [{ key: 'number', header: '#', width: 40, cell: (item) => order.get(item.id) }, ...columns] : columns}
        rowKey={(item) => item.id}
        label={t('activities:list.title')}
        actions={actions.menu}
        actionsLabel={t('activities:list.actions')}
        card={(activity) => <ActivityCard activity={activity} showAccount={showAccount} showOpportunity={showOpportunity} />}
        rowStyle={activityRowStyle}
        rowAttributes={activityRowAttributes}
      />
      {actions.modals}
    </>
  );
}
