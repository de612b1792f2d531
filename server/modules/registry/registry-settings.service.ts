import {
  registryCountries, registrySettingUpdateSchema, type RegistryCountry, type RegistrySetting, type RegistrySettingUpdate,
} from '@contract/registry';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { open, seal } from '@server/lib/secrets';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { registryProviders } from './providers';
import type { RegistryCredentials } from './registry-provider';
import { settingRow, settingRows, updateSettingRow, type RegistrySettingRow } from './registry-settings.repo';

/** What the registers may be asked right now: the countries an admin turned on and their credentials. */
export type RegistryAccess = { enabled: Set<RegistryCountry>; credentials: RegistryCredentials; rows: Map<string, RegistrySettingRow> };

const opened = (row: RegistrySettingRow | undefined, key: string | null): string | null =>
  row?.secret_sealed && key ? open(row.secret_sealed, key) : null;

/** Credentials from the environment win over the stored ones (an operator's choice outranks the page). */
function credentialsOf(config: Config, rows: Map<string, RegistrySettingRow>): RegistryCredentials {
  const { env } = config.registry;
  return {
    gbKey: env.gbKey ?? opened(rows.get('GB'), config.secretKey),
    seClientId: env.seClientId ?? rows.get('SE')?.client_id ?? null,
    seClientSecret: env.seClientSecret ?? opened(rows.get('SE'), config.secretKey),
    dkContact: env.dkContact ?? rows.get('DK')?.contact ?? null,
  };
}

export async function registryAccess(db: Db, config: Config): Promise<RegistryAccess> {
  const rows = new Map((await settingRows(db)).map((row) => [row.country, row]));
  const credentials = credentialsOf(config, rows);
  const enabled = new Set(registryCountries.filter((country) => rows.get(country)?.enabled && registryProviders[country].configured(credentials)));
  return { enabled, credentials, rows };
}

const needs: Record<RegistryCountry, RegistrySetting['needs']> = { NO: [], DK: ['contact'], GB: ['apiKey'], SE: ['clientId', 'clientSecret'], PE: [] };

function baseUrlOf(config: Config, country: RegistryCountry): string {
  return country === 'PE' ? config.registry.urls.pe : config.registry.urls[country];
}

function present(config: Config, row: RegistrySettingRow | undefined, country: RegistryCountry): RegistrySetting {
  const { env } = config.registry;
  const secretFromEnvironment = country === 'GB' ? env.gbKey !== null : country === 'SE' ? env.seClientSecret !== null : false;
  return {
    country,
    enabled: row?.enabled ?? false,
    baseUrl: baseUrlOf(config, country),
    needs: needs[country],
    clientId: country === 'SE' ? (env.seClientId ?? row?.client_id ?? null) : null,
    contact: country === 'DK' ? (env.dkContact ?? row?.contact ?? null) : null,
    secretSet: secretFromEnvironment || Boolean(row?.secret_sealed),
    secretFromEnvironment,
    loadedAt: row?.loaded_at ?? null,
    loadedCount: row?.loaded_count ?? null,
    version: row?.version ?? 1,
  };
}

/** The settings page: every register, its state and which credentials are set (never their values). */
export async function listSettings(db: Db, config: Config, actor: Actor): Promise<{ items: RegistrySetting[]; secretKeySet: boolean }> {
  authorize(actor, { domain: 'registry', action: 'manage' });
  const rows = new Map((await settingRows(db)).map((row) => [row.country, row]));
  return { items: registryCountries.map((country) => present(config, rows.get(country), country)), secretKeySet: config.secretKey !== null };
}

/** Turns a register on or off and sets its credentials; a stale version gets 412 and nothing changes. */
export async function updateSetting(db: Db, config: Config, actor: Actor, country: RegistryCountry, input: RegistrySettingUpdate): Promise<RegistrySetting> {
  authorize(actor, { domain: 'registry', action: 'manage' });
  const data = registrySettingUpdateSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await settingRow(trx, country);
    if (!before) throw new AppError('not_found');
    if (before.version !== data.version) throw new AppError('stale_version');
    let secretSealed = before.secret_sealed;
    if (data.secret !== undefined && country !== 'GB' && country !== 'SE') throw fieldError('secret', 'not_for_kind');
    if (data.secret) {
      if (!config.secretKey) throw fieldError('secret', 'secret_key_missing');
      secretSealed = seal(data.secret, config.secretKey);
    } else if (data.secret === null) {
      secretSealed = null;
    }
    const next: RegistrySettingRow = {
      ...before,
      enabled: data.enabled ?? before.enabled,
      client_id: country === 'SE' && data.clientId !== undefined ? data.clientId || null : before.client_id,
      contact: country === 'DK' && data.contact !== undefined ? data.contact || null : before.contact,
      secret_sealed: secretSealed,
    };
    const rows = new Map([[country, next]]);
    if (next.enabled && !registryProviders[country].configured(credentialsOf(config, rows))) throw fieldError('enabled', 'credentials_missing');
    const patch = { enabled: next.enabled, client_id: next.client_id, contact: next.contact, secret_sealed: next.secret_sealed, updated_at: nowIso(), updated_by: actor.id };
    if (!(await updateSettingRow(trx, country, before.version, patch))) throw new AppError('stale_version');
    // History says what changed, never a secret's value.
    const changes = [
      ...(before.enabled !== next.enabled ? [{ field: 'enabled', before: before.enabled, after: next.enabled }] : []),
      ...(before.client_id !== next.client_id ? [{ field: 'clientId', before: before.client_id, after: next.client_id }] : []),
      ...(before.contact !== next.contact ? [{ field: 'contact', before: before.contact, after: next.contact }] : []),
      ...(before.secret_sealed !== next.secret_sealed ? [{ field: 'secret', before: Boolean(before.secret_sealed), after: Boolean(next.secret_sealed) }] : []),
    ];
    if (changes.length > 0) {
      await writeAudit(trx, { actorId: actor.id, entity: 'registry_settings', entityId: country, accountId: null, action: 'updated', changes });
    }
    return present(config, { ...next, ...patch, version: before.version + 1 }, country);
  });
}
