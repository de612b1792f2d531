import enAccounts from './en/accounts.json';
import enAuth from './en/auth.json';
import enBin from './en/bin.json';
import enCommon from './en/common.json';
import enImports from './en/imports.json';
import enCompany from './en/company.json';
import enDocuments from './en/documents.json';
import enUsers from './en/users.json';
import enValidation from './en/validation.json';
import esAccounts from './es/accounts.json';
import esAuth from './es/auth.json';
import esBin from './es/bin.json';
import esCommon from './es/common.json';
import esImports from './es/imports.json';
import esCompany from './es/company.json';
import esDocuments from './es/documents.json';
import esUsers from './es/users.json';
import esValidation from './es/validation.json';

export const namespaces = ['common', 'auth', 'accounts', 'users', 'bin', 'validation', 'documents', 'company', 'imports'] as const;

/** Every translation, by language and namespace. Spanish is the product's first language. */
export const resources = {
  es: { common: esCommon, auth: esAuth, accounts: esAccounts, users: esUsers, bin: esBin, validation: esValidation, documents: esDocuments, company: esCompany, imports: esImports },
  en: { common: enCommon, auth: enAuth, accounts: enAccounts, users: enUsers, bin: enBin, validation: enValidation, documents: enDocuments, company: enCompany, imports: enImports },
};
