import { AppShell, Burger, Group, NavLink, ScrollArea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconBook, IconTargetArrow, IconAlarm, IconBuildingBank, IconCalendar, IconCalendarEvent, IconChartPie, IconChecklist, IconFileCertificate, IconFileImport, IconFileInvoice, IconReceipt, IconFileSettings, IconInbox, IconList, IconMailCog, IconSpeakerphone, IconTags, IconTemplate, IconTrash, IconUsers } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '@web/features/auth/session';
import { HeaderTools } from './header-tools.component';

export function AppShellLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();

  // On a phone the menu covers the page: close it once the user has picked a page.
  useEffect(close, [pathname, close]);

  const links = [
    { to: '/dashboard', label: t('common:nav.dashboard'), icon: IconChartPie, show: true },
    { to: '/accounts', label: t('common:nav.accounts'), icon: IconAddressBook, show: true },
    { to: '/requests', label: t('activities:nav.requests'), icon: IconInbox, show: true },
    { to: '/opportunities', label: t('common:nav.opportunities'), icon: IconTargetArrow, show: true },
    { to: '/projects', label: t('common:nav.projects'), icon: IconChecklist, show: true },
    { to: '/agreements', label: t('common:nav.agreements'), icon: IconFileCertificate, show: true },
    { to: '/quotes', label: t('common:nav.quotes'), icon: IconFileInvoice, show: true },
    { to: '/invoices', label: t('common:nav.invoices'), icon: IconReceipt, show: true },
    { to: '/catalog', label: t('common:nav.catalog'), icon: IconBook, show: true },
    { to: '/activities', label: t('activities:nav.activities'), icon: IconCalendarEvent, show: true },
    { to: '/calendar', label: t('activities:nav.calendar'), icon: IconCalendar, show: true },
    { to: '/reminders', label: t('activities:nav.reminders'), icon: IconAlarm, show: true },
    { to: '/campaigns', label: t('common:nav.campaigns'), icon: IconSpeakerphone, show: true },
    { to: '/tags', label: t('common:nav.tags'), icon: IconTags, show: true },
    { to: '/imports', label: t('common:nav.imports'), icon: IconFileImport, show: true },
    { to: '/bin', label: t('common:nav.bin'), icon: IconTrash, show: me.abilities.viewBin },
    { to: '/users', label: t('common:nav.users'), icon: IconUsers, show: me.abilities.manageUsers },
    { to: '/lists', label: t('common:nav.lists'), icon: IconList, show: me.abilities.manageLists },
    { to: '/settings/registry', label: t('common:nav.registry'), icon: IconBuildingBank, show: me.abilities.manageRegistry },
    { to: '/email-templates', label: t('common:nav.templates'), icon: IconTemplate, show: me.abilities.manageTemplates },
    { to: '/settings/quotes', label: t('common:nav.quoteSettings'), icon: IconFileSettings, show: me.abilities.manageQuoteSettings },
    { to: '/settings/agreement-templates', label: t('common:nav.agreementTemplates'), icon: IconFileCertificate, show: me.abilities.manageAgreementTemplates },
    { to: '/settings/mail', label: t('common:nav.mail'), icon: IconMailCog, show: me.abilities.manageMail },
  ];

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('common:nav.toggle')} />
            <Title order={3} c="teal.8">
              Cartera
            </Title>
          </Group>
          <HeaderTools />
        </Group>
      </AppShell.Header>
      {/* Its links scroll when they outgrow the window (an admin's list is longer than a laptop's
          height): the navbar itself does not, whatever its style says (Mantine's documented section). */}
      <AppShell.Navbar p="xs" aria-label={t('common:nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {links
            .filter((link) => link.show)
            .map((link) => (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                leftSection={<link.icon size={18} />}
                active={pathname.startsWith(link.to)}
              />
            ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
