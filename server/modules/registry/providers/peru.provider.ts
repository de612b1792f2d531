import type { RegistryCompany, RiskSignal } from '@contract/registry';
import { normalizeText } from '@server/lib/normalize';
import { departmentOf } from '../peru/peru-file';
import { branchesOf, findTaxpayer, padronLoaded, taxpayersByPrefix, type TaxpayerRow } from '../peru/peru.repo';
import { RegistryError } from '../registry-http';
import { registrySignal, statusOf, suggestionOf, type RegistryProvider } from '../registry-provider';

// Peru: SUNAT publishes no search API, only the "padrón reducido" file; an admin loads it into
// pe_taxpayers (see peru-load.job.ts) and every lookup here is offline.

/** ESTADO other than ACTIVO (BAJA…, SUSPENSION TEMPORAL, INHABILITADO…) and CONDICIÓN other than HABIDO. */
export function peruSignals(row: Pick<TaxpayerRow, 'state' | 'condition'>): RiskSignal[] {
  const signals: RiskSignal[] = [];
  const state = (row.state ?? 'ACTIVO').toUpperCase();
  if (state.startsWith('BAJA')) signals.push(registrySignal('PE', 'deregistered', 'high', null, row.state));
  else if (state !== 'ACTIVO') signals.push(registrySignal('PE', 'suspended', 'high', null, row.state));
  const condition = (row.condition ?? 'HABIDO').toUpperCase();
  if (condition !== 'HABIDO') signals.push(registrySignal('PE', 'not_located', 'medium', null, row.condition));
  return signals;
}

function companyOf(row: TaxpayerRow): RegistryCompany {
  const signals = peruSignals(row);
  return {
    country: 'PE',
    number: row.ruc,
    name: row.name,
    legalForm: null,
    status: statusOf(signals),
    statusText: signals[0]?.detail ?? null,
    address: { street: row.address, postalCode: null, city: null, region: departmentOf(row.ubigeo), country: 'PE' },
    postalAddress: null,
    employees: null,
    industry: null,
    website: null,
    phone: null,
    email: null,
    signals,
  };
}

async function taxpayer(db: Parameters<typeof findTaxpayer>[0], ruc: string): Promise<TaxpayerRow> {
  const row = await findTaxpayer(db, ruc);
  if (!row) throw new RegistryError((await padronLoaded(db)) ? 'not_found' : 'not_loaded');
  return row;
}

export const peruProvider: RegistryProvider = {
  country: 'PE',
  searchByName: true,
  subUnits: true,
  configured: () => true,
  normalizeNumber: (input) => {
    const digits = input.replace(/[\s.-]/g, '');
    return /^(10|15|17|20)\d{9}$/.test(digits) ? digits : null;
  },
  search: async (ctx, name) => {
    const prefix = normalizeText(name);
    const rows = prefix === '' ? [] : await taxpayersByPrefix(ctx.db, prefix, 10);
    if (rows.length === 0 && !(await padronLoaded(ctx.db))) throw new RegistryError('not_loaded');
    return rows.map((row) => suggestionOf(companyOf(row)));
  },
  fetchByNumber: async (ctx, number) => {
    const row = await taxpayer(ctx.db, number);
    return { company: companyOf(row), raw: row };
  },
  listSubUnits: async (ctx, number) => {
    const [parent, branches] = await Promise.all([findTaxpayer(ctx.db, number), branchesOf(ctx.db, number)]);
    return {
      raw: branches,
      subUnits: branches.map((branch) => ({
        number: branch.id,
        name: [parent?.name, branch.address ?? departmentOf(branch.ubigeo)].filter(Boolean).join(' – '),
        address: { street: branch.address, postalCode: null, city: null, region: departmentOf(branch.ubigeo), country: 'PE' },
        employees: null,
      })),
    };
  },
  fetchStatus: async (ctx, number) => {
    const row = await taxpayer(ctx.db, number);
    return { signals: peruSignals(row), raw: row };
  },
};
