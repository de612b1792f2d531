import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '@web/components/date-field.component';
import { useUserOptions } from '@web/features/users/use-user-options';
import { useTeams } from '@web/features/users/use-teams';
import { defaultPreset, rangePresets, type RangePreset } from './dashboard-range';

type Props = {
  preset: RangePreset;
  custom: { from: string; to: string };
  ownerId: string | null;
  teamId: string | null;
  /** Managers and admins choose whose work; agents see their own scope. */
  choosePeople: boolean;
  set: (key: string, value: string | null) => void;
};

/** The range (a period or two days) and, for managers, one owner or one team. */
export function DashboardFilters({ preset, custom, ownerId, teamId, choosePeople, set }: Props) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <Select
        label={t('dashboard:range.label')}
        data={rangePresets.map((value) => ({ value, label: t(`dashboard:range.${value}`) }))}
        value={preset}
        allowDeselect={false}
        onChange={(value) => set('range', value === defaultPreset ? null : value)}
      />
      {preset === 'custom' && (
        <>
          <DateField label={t('dashboard:range.from')} value={custom.from || null} onChange={(value) => set('from', value ?? null)} />
          <DateField label={t('dashboard:range.to')} value={custom.to || null} onChange={(value) => set('to', value ?? null)} />
        </>
      )}
      {choosePeople && <PeopleFilters ownerId={ownerId} teamId={teamId} set={set} />}
    </SimpleGrid>
  );
}

function PeopleFilters({ ownerId, teamId, set }: Pick<Props, 'ownerId' | 'teamId' | 'set'>) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const teams = useTeams();
  return (
    <>
      <Select
        label={t('dashboard:owner')}
        placeholder={t('dashboard:everyone')}
        clearable
        searchable
        data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
        value={ownerId}
        onChange={(value) => set('ownerId', value)}
      />
      <Select
        label={t('dashboard:team')}
        placeholder={t('dashboard:everyone')}
        clearable
        data={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={teamId}
        onChange={(value) => set('teamId', value)}
      />
    </>
  );
}
