import { Box, Group } from '@mantine/core';
import { deferred } from './deferred';
import { withTexts } from './i18n';
import { LanguageSwitch } from './language-switch.component';
import { UserBadge } from './user-badge.component';

/** The header search's size: an input from `sm` up (36 px high), an ActionIcon "lg" (34 px) below. */
function SearchPlaceholder() {
  return (
    <>
      <Box visibleFrom="sm" w={{ sm: 260, md: 360 }} h={36} bd="1px solid var(--mantine-color-default-border)" bdrs="sm" />
      <Box hiddenFrom="sm" w={34} h={34} />
    </>
  );
}

const IconPlaceholder = () => <Box w={34} h={34} />;

// Popovers, menus and the search combobox (floating-ui, focus traps, scroll locks) load once the
// page has shown; until then each holds its place at its own size.
const HeaderSearch = deferred(async () => (await withTexts(['search'], () => import('@web/features/search/header-search.component'))).HeaderSearch, SearchPlaceholder);
const Bell = deferred(async () => (await withTexts([], () => import('@web/features/activities/bell.component'))).Bell, IconPlaceholder);
const UserMenu = deferred(async () => (await withTexts([], () => import('./user-menu.component'))).UserMenu, UserBadge);

/** The header's right side: search, bell, language and the user's menu. */
export function HeaderTools() {
  return (
    <Group gap="sm" wrap="nowrap">
      <HeaderSearch />
      <Bell />
      <LanguageSwitch />
      <UserMenu />
    </Group>
  );
}
