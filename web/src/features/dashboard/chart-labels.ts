import type { DashboardCell, DashboardChartName } from '@contract/dashboard';
import { minorDigits, type Money } from '@contract/money';
import { useTranslation } from 'react-i18next';
import { formatTotal } from '@web/components/format';
import { useListLookup } from '@web/features/lists/use-lists';
import type { ListKey } from '@contract/lists';

/** The list whose items name a chart's keys, and the one naming its series (stacked bars). */
const keyLists: Partial<Record<DashboardChartName, ListKey>> = {
  'accounts-by-stage': 'account_stage',
  'requests-by-status': 'request_status',
  'requests-by-channel': 'request_channel',
  'activities-by-type': 'activity_type',
  'campaign-members': 'campaign_member_status',
  'opportunities-by-stage': 'opportunity_stage',
};
const seriesLists: Partial<Record<DashboardChartName, ListKey>> = { 'new-accounts': 'source' };

const palette = ['blue', 'teal', 'violet', 'orange', 'pink', 'lime', 'cyan', 'grape', 'yellow', 'indigo', 'red', 'green'];

/** A colour for the n-th slice or series without one of its own. */
export const paletteColor = (index: number): string => `${palette[index % palette.length] ?? 'gray'}.6`;

/** Money in major units in the user's language, per currency ("1.250,00 €"). */
export function formatMoney(money: Money, language: string): string {
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(money.amount / 10 ** digits);
}

/** A month key ("2026-03") as the user reads it ("mar 2026"). */
export function formatMonth(key: string | null, language: string): string {
  if (!key) return '';
  const [year = 0, month = 1] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** How a chart names its keys, series and counts, and the colours its list items carry. */
export function useChartLabels(chart: DashboardChartName) {
  const { t, i18n } = useTranslation();
  const lists = useListLookup();
  const keyList = keyLists[chart];
  const seriesList = seriesLists[chart];
  const none = t('dashboard:none');
  const keyLabel = (cell: DashboardCell): string => {
    if (cell.label !== undefined) return cell.label;
    if (cell.key === null) return none;
    if (chart === 'activities-by-status') return t(`activities:status.${cell.key}`);
    if (chart === 'quotes-by-status') return t(`quotes:status.${cell.key}`);
    if (chart === 'projects-by-status') return t(`projects:status.${cell.key}`);
    if (chart === 'agreements-waiting') return t(`dashboard:agreementStatus.${cell.key}`);
    if (keyList) return lists.label(keyList, cell.key);
    return formatMonth(cell.key, i18n.language);
  };
  const seriesLabel = (cell: DashboardCell): string => {
    if (chart === 'won-lost') {
      const outcome = t(cell.series === 'won' ? 'dashboard:won' : 'dashboard:lost');
      return cell.series === 'lost' ? `${outcome}: ${cell.reason ? lists.label('opportunity_lost_reason', cell.reason) : none}` : outcome;
    }
    if (cell.series === null) return none;
    const series = seriesList ? lists.label(seriesList, cell.series) : cell.series;
    return cell.previousYear ? t('dashboard:yearEarlier', { series }) : series;
  };
  const keyColor = (cell: DashboardCell, index: number): string => (keyList ? lists.color(keyList, cell.key) : null) ?? paletteColor(index);
  const count = (cell: DashboardCell): string => formatTotal(cell.count, cell.countIsEstimate);
  const money = (cell: DashboardCell): string => (cell.sums ?? []).map((sum) => formatMoney(sum, i18n.language)).join(' · ');
  return { keyLabel, seriesLabel, keyColor, count, money };
}
