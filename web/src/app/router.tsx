import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { useCurrentUser } from '@web/features/auth/session';
import { AppShellLayout } from './app-shell.layout';
import { PublicOnly, RequireAuth } from './auth-guards.component';
import { withTexts } from './i18n';
import { NotFoundPage } from './not-found.page';

type Ability = 'manageUsers' | 'viewBin' | 'manageLists' | 'manageRegistry' | 'manageMail' | 'manageTemplates' | 'manageTaxRates' | 'manageQuoteSettings' | 'manageAgreementTemplates';

/** Admin pages: for anyone else they do not exist (the server refuses them anyway). */
function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const me = useCurrentUser();
  return me.abilities[ability] ? children : <NotFoundPage />;
}

// Each page is its own chunk, loaded when its route is first visited: the first load carries
// the shell and the page it lands on, not every page of the app. Its namespaces are listed
// with it (web/src/i18n/namespaces.test.ts checks them against the keys the page uses).
export const router = createBrowserRouter([
  { path: '/login', lazy: async () => { const { LoginPage } = await withTexts(['auth', 'validation'], () => import('@web/features/auth/login.page')); return { element: <PublicOnly><LoginPage /></PublicOnly> }; } },
  // A quote's public page: reached from its e-mail by anyone holding the link, signed in or not.
  // An agreement's public page: reached from its e-mail to read and sign it, signed in or not.
  { path: '/i/:token', lazy: async () => ({ Component: (await withTexts(['invoicelink'], () => import('@web/features/invoices/invoice-link.page'))).InvoiceLinkPage }) },
  { path: '/a/:token', lazy: async () => ({ Component: (await withTexts(['agreementlink', 'validation'], () => import('@web/features/agreements/agreement-link.page'))).AgreementLinkPage }) },
  { path: '/q/:token', lazy: async () => ({ Component: (await withTexts(['quotelink', 'validation'], () => import('@web/features/quotes/quote-link.page'))).QuoteLinkPage }) },
  { path: '/setup', lazy: async () => { const { SetupPage } = await withTexts(['auth', 'validation'], () => import('@web/features/auth/setup.page')); return { element: <PublicOnly setupPage><SetupPage /></PublicOnly> }; } },
  {
    element: <RequireAuth><AppShellLayout /></RequireAuth>,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      { path: 'dashboard', lazy: async () => ({ Component: (await withTexts(['dashboard', 'quotes', 'projects'], () => import('@web/features/dashboard/dashboard.page'))).DashboardPage }) },
      { path: 'accounts', lazy: async () => { const page = await withTexts(['bulk', 'company', 'documents', 'views'], () => import('@web/features/accounts/accounts-list.page')); return { Component: page.AccountsListPage, loader: page.prefetchAccountsList }; } },
      { path: 'accounts/new', lazy: async () => ({ Component: (await withTexts(['company', 'links', 'projects', 'registry', 'validation'], () => import('@web/features/accounts/account-create.page'))).AccountCreatePage }) },
      { path: 'accounts/merge', lazy: async () => ({ Component: (await withTexts(['company', 'links'], () => import('@web/features/accounts/account-merge.page'))).AccountMergePage }) },
      { path: 'accounts/:id', lazy: async () => ({ Component: (await withTexts(['agreements', 'company', 'documents', 'leads', 'links', 'mail', 'opportunities', 'projects', 'invoices', 'quotes', 'requests', 'tags', 'validation'], () => import('@web/features/accounts/account.page'))).AccountPage }) },
      { path: 'accounts/:id/edit', lazy: async () => ({ Component: (await withTexts(['company', 'links', 'validation'], () => import('@web/features/accounts/account-edit.page'))).AccountEditPage }) },
      { path: 'requests', lazy: async () => ({ Component: (await withTexts(['requests', 'validation', 'views'], () => import('@web/features/requests/requests.page'))).RequestsPage }) },
      { path: 'leads/new', lazy: async () => ({ Component: (await withTexts(['requests', 'validation'], () => import('@web/features/requests/lead-create.page'))).LeadCreatePage }) },
      { path: 'leads/:id', lazy: async () => ({ Component: (await withTexts(['company', 'leads', 'links', 'mail', 'requests', 'validation'], () => import('@web/features/leads/lead.page'))).LeadPage }) },
      { path: 'opportunities', lazy: async () => ({ Component: (await withTexts(['bulk', 'opportunities', 'validation', 'views'], () => import('@web/features/opportunities/opportunities-list.page'))).OpportunitiesListPage }) },
      { path: 'opportunities/board', lazy: async () => ({ Component: (await withTexts(['opportunities', 'validation'], () => import('@web/features/opportunities/board.page'))).BoardPage }) },
      { path: 'projects', lazy: async () => ({ Component: (await withTexts(['projects', 'validation', 'views'], () => import('@web/features/projects/projects-list.page'))).ProjectsListPage }) },
      { path: 'invoices', lazy: async () => ({ Component: (await withTexts(['invoices', 'company', 'validation', 'views'], () => import('@web/features/invoices/invoices-list.page'))).InvoicesListPage }) },
      { path: 'invoices/:id', lazy: async () => ({ Component: (await withTexts(['invoices', 'company', 'validation'], () => import('@web/features/invoices/invoice.page'))).InvoicePage }) },
      { path: 'agreements', lazy: async () => ({ Component: (await withTexts(['agreements', 'validation', 'views'], () => import('@web/features/agreements/agreements-list.page'))).AgreementsListPage }) },
      { path: 'agreements/bulk/:jobId', lazy: async () => ({ Component: (await withTexts(['agreements'], () => import('@web/features/agreements/agreement-bulk-report.page'))).AgreementBulkReportPage }) },
      { path: 'agreements/:id', lazy: async () => ({ Component: (await withTexts(['agreements', 'company', 'links', 'validation'], () => import('@web/features/agreements/agreement.page'))).AgreementPage }) },
      { path: 'settings/agreement-templates', lazy: async () => { const { AgreementTemplatesPage } = await withTexts(['agreements', 'validation'], () => import('@web/features/agreements/agreement-templates.page')); return { element: <RequireAbility ability="manageAgreementTemplates"><AgreementTemplatesPage /></RequireAbility> }; } },
      { path: 'projects/:id', lazy: async () => ({ Component: (await withTexts(['agreements', 'company', 'documents', 'links', 'projects', 'validation'], () => import('@web/features/projects/project.page'))).ProjectPage }) },
      { path: 'opportunities/:id', lazy: async () => ({ Component: (await withTexts(['company', 'documents', 'links', 'mail', 'opportunities', 'quotes', 'validation'], () => import('@web/features/opportunities/opportunity.page'))).OpportunityPage }) },
      { path: 'quotes', lazy: async () => ({ Component: (await withTexts(['quotes', 'views'], () => import('@web/features/quotes/quotes-list.page'))).QuotesListPage }) },
      { path: 'quotes/:id', lazy: async () => ({ Component: (await withTexts(['quotes', 'validation', 'invoices'], () => import('@web/features/quotes/quote.page'))).QuotePage }) },
      { path: 'catalog', lazy: async () => ({ Component: (await withTexts(['catalog', 'validation', 'views'], () => import('@web/features/catalog/catalog.page'))).CatalogPage }) },
      { path: 'settings/quotes', lazy: async () => { const { QuoteSettingsPage } = await withTexts(['quotes', 'validation'], () => import('@web/features/quotes/quote-settings.page')); return { element: <RequireAbility ability="manageQuoteSettings"><QuoteSettingsPage /></RequireAbility> }; } },
      { path: 'settings/tax-rates', lazy: async () => { const { TaxRatesPage } = await withTexts(['catalog', 'validation'], () => import('@web/features/catalog/tax-rates.page')); return { element: <RequireAbility ability="manageTaxRates"><TaxRatesPage /></RequireAbility> }; } },
      { path: 'activities', lazy: async () => ({ Component: (await withTexts(['validation', 'views'], () => import('@web/features/activities/activities.page'))).ActivitiesPage }) },
      { path: 'calendar', lazy: async () => ({ Component: (await withTexts(['validation'], () => import('@web/features/activities/calendar.page'))).CalendarPage }) },
      { path: 'reminders', lazy: async () => ({ Component: (await withTexts(['validation'], () => import('@web/features/activities/reminders.page'))).RemindersPage }) },
      { path: 'campaigns', lazy: async () => ({ Component: (await withTexts(['campaigns', 'validation'], () => import('@web/features/campaigns/campaigns.page'))).CampaignsPage }) },
      { path: 'campaigns/:id', lazy: async () => ({ Component: (await withTexts(['campaigns', 'mail', 'bulk', 'validation'], () => import('@web/features/campaigns/campaign.page'))).CampaignPage }) },
      { path: 'imports', lazy: async () => ({ Component: (await withTexts(['imports'], () => import('@web/features/imports/imports.page'))).ImportsPage }) },
      { path: 'imports/new', lazy: async () => ({ Component: (await withTexts(['imports'], () => import('@web/features/imports/import-new.page'))).ImportNewPage }) },
      { path: 'imports/:id', lazy: async () => ({ Component: (await withTexts(['imports'], () => import('@web/features/imports/import.page'))).ImportPage }) },
      { path: 'bin', lazy: async () => { const { BinPage } = await withTexts(['bin'], () => import('@web/features/bin/bin.page')); return { element: <RequireAbility ability="viewBin"><BinPage /></RequireAbility> }; } },
      { path: 'users', lazy: async () => { const { UsersPage } = await withTexts(['auth', 'users', 'validation'], () => import('@web/features/users/users.page')); return { element: <RequireAbility ability="manageUsers"><UsersPage /></RequireAbility> }; } },
      { path: 'tags', lazy: async () => ({ Component: (await withTexts(['lists', 'tags', 'validation'], () => import('@web/features/tags/tags.page'))).TagsPage }) },
      { path: 'tags/:id', lazy: async () => ({ Component: (await withTexts(['company', 'documents', 'mail', 'tags'], () => import('@web/features/tags/tag.page'))).TagPage }) },
      { path: 'lists', lazy: async () => { const { ListsAdminPage } = await withTexts(['lists', 'validation'], () => import('@web/features/lists/lists-admin.page')); return { element: <RequireAbility ability="manageLists"><ListsAdminPage /></RequireAbility> }; } },
      { path: 'settings/registry', lazy: async () => { const { RegistrySettingsPage } = await withTexts(['registry', 'validation'], () => import('@web/features/registry/registry-settings.page')); return { element: <RequireAbility ability="manageRegistry"><RegistrySettingsPage /></RequireAbility> }; } },
      { path: 'settings/mail', lazy: async () => { const { MailSettingsPage } = await withTexts(['mail', 'validation'], () => import('@web/features/mail/mail-settings.page')); return { element: <RequireAbility ability="manageMail"><MailSettingsPage /></RequireAbility> }; } },
      { path: 'email-templates', lazy: async () => { const { TemplatesPage } = await withTexts(['mail'], () => import('@web/features/mail/templates.page')); return { element: <RequireAbility ability="manageTemplates"><TemplatesPage /></RequireAbility> }; } },
      { path: 'profile', lazy: async () => ({ Component: (await withTexts(['auth', 'validation'], () => import('@web/features/auth/profile.page'))).ProfilePage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
