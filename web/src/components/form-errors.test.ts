import { accountCreateSchema } from '@contract/accounts';
import { contactCreateSchema } from '@contract/contacts';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18next } from '@web/app/i18n';
import { resources } from '@web/i18n/all-resources';
import { validatePayload } from './form-errors';

beforeAll(async () => {
  await i18next.init({ resources, lng: 'es', fallbackLng: 'es', defaultNS: 'common', interpolation: { escapeValue: false } });
});

describe('validatePayload', () => {
  it('says in Spanish that an organization needs a name', () => {
    expect(validatePayload(accountCreateSchema, { kind: 'organization', name: '' })).toEqual({ name: 'Este campo es obligatorio.' });
  });

  it('names the list row of a bad e-mail and maps it back to the form row', () => {
    const errors = validatePayload(accountCreateSchema, { kind: 'organization', name: 'Acme', emails: ['ok@example.com', 'nope'] }, (path) =>
      path === 'emails.1' ? 'emails.3' : path,
    );
    expect(errors).toEqual({ 'emails.3': 'Escribe un correo electrónico válido.' });
  });

  it('explains too long texts with the limit', () => {
    const errors = validatePayload(accountCreateSchema, { kind: 'person', firstName: 'x'.repeat(101) });
    expect(errors.firstName).toBe('No puede superar 100 caracteres.');
  });

  it('translates the custom one_of rule of contacts', () => {
    expect(validatePayload(contactCreateSchema, {}).otherId).toBe('Elige una cuenta existente o crea una nueva.');
  });

  it('follows the language switch', async () => {
    await i18next.changeLanguage('en');
    expect(validatePayload(accountCreateSchema, { kind: 'person', firstName: '' }).firstName).toBe('This field is required.');
    await i18next.changeLanguage('es');
  });
});
