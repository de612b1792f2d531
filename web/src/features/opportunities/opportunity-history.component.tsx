import { useTranslation } from 'react-i18next';
import { RecordHistory } from '@web/features/accounts/record-history.component';
import { useOpportunityHistory } from './use-opportunities';

/** Who changed what on the opportunity, its people, moves, activities and documents, newest first. */
export function OpportunityHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  return <RecordHistory history={useOpportunityHistory(id)} empty={t('opportunities:page.historyEmpty')} />;
}
