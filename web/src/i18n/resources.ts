import enAccounts from './en/accounts.json';
import enActivities from './en/activities.json';
import enAuth from './en/auth.json';
import enBin from './en/bin.json';
import enCommon from './en/common.json';
import enImports from './en/imports.json';
import enCompany from './en/company.json';
import enDocuments from './en/documents.json';
import enLeads from './en/leads.json';
import enRequests from './en/requests.json';
import enUsers from './en/users.json';
import enLinks from './en/links.json';
import enLists from './en/lists.json';
import enTags from './en/tags.json';
import enValidation from './en/validation.json';
import enViews from './en/views.json';
import enBulk from './en/bulk.json';
import enSearch from './en/search.json';
import esAccounts from './es/accounts.json';
import esActivities from './es/activities.json';
import esAuth from './es/auth.json';
import esBin from './es/bin.json';
import esCommon from './es/common.json';
import esImports from './es/imports.json';
import esCompany from './es/company.json';
import esDocuments from './es/documents.json';
import esLeads from './es/leads.json';
import esRequests from './es/requests.json';
import esUsers from './es/users.json';
import esLinks from './es/links.json';
import esLists from './es/lists.json';
import esTags from './es/tags.json';
import esValidation from './es/validation.json';
import esViews from './es/views.json';
import esBulk from './es/bulk.json';
import esSearch from './es/search.json';

// One namespace per line, in both languages: features add theirs without touching the others'.
export const namespaces = [
  'common',
  'auth',
  'accounts',
  'users',
  'bin',
  'validation',
  'documents',
  'company',
  'activities',
  'requests',
  'leads',
  'lists',
  'tags',
  'views',
  'links',
  'imports',
  'bulk',
  'search',
] as const;

/** Every translation, by language and namespace. Spanish is the product's first language. */
export const resources = {
  es: {
    common: esCommon,
    auth: esAuth,
    accounts: esAccounts,
    users: esUsers,
    bin: esBin,
    validation: esValidation,
    documents: esDocuments,
    company: esCompany,
    activities: esActivities,
    requests: esRequests,
    leads: esLeads,
    lists: esLists,
    tags: esTags,
    views: esViews,
    links: esLinks,
    imports: esImports,
    bulk: esBulk,
    search: esSearch,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    accounts: enAccounts,
    users: enUsers,
    bin: enBin,
    validation: enValidation,
    documents: enDocuments,
    company: enCompany,
    activities: enActivities,
    requests: enRequests,
    leads: enLeads,
    lists: enLists,
    tags: enTags,
    views: enViews,
    links: enLinks,
    imports: enImports,
    bulk: enBulk,
    search: enSearch,
  },
};
