import { useTranslation } from 'react-i18next';
import { formatDay } from '@web/components/format';
import { useListItems } from '@web/features/lists/use-lists';
import { useTeams } from '@web/features/users/use-teams';
import { languageName } from './id-labels';

/**
 * An account field's stored code as people read it elsewhere: list items by label, the team by
 * name, invoice delivery and kind in words, a language by name, a birth date in the user's format.
 * Anything else comes back as it is.
 */
export function useFieldValueLabel(): (field: string, value: string) => string {
  const { t, i18n } = useTranslation();
  const stages = useListItems('account_stage');
  const industries = useListItems('industry');
  const sources = useListItems('source');
  const channels = useListItems('contact_channel');
  const teams = useTeams();
  const characteristics = useListItems('characteristic');
  const interestAreas = useListItems('interest_area');
  const reasons = useListItems('relationship_reason');
  return (field, value) => {
    switch (field) {
      case 'kind':
        return t(`accounts:kind.${value}`, { defaultValue: value });
      case 'stage':
        return stages.label(value);
      case 'industry':
        return industries.label(value);
      case 'source':
        return sources.label(value);
      case 'preferredChannel':
        return channels.label(value);
      case 'teamId':
        return teams.data?.items.find((team) => team.id === value)?.name ?? value;
      case 'invoiceDelivery':
        return t(`company:invoicing.option.${value}`, { defaultValue: value });
      case 'characteristic':
        return characteristics.label(value);
      case 'interestArea':
        return interestAreas.label(value);
      case 'relationshipReason':
        return reasons.label(value);
      case 'interestKind':
        return t(`links:interestKind.${value}`, { defaultValue: value });
      case 'language':
        return languageName(value, i18n.language);
      case 'birthDate':
        return formatDay(value);
      case 'riskLevel':
        return t(`credit:level.${value}`, { defaultValue: value });
      case 'riskSignals':
        return t(`credit:signal.${value}`, { defaultValue: value });
      case 'creditMonitoring':
        return t(`credit:monitoring.${value}`, { defaultValue: value });
      default:
        return value;
    }
  };
}
