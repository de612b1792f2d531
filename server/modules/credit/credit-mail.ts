import type { Language } from '@contract/common';
import { escapeHtml } from '@contract/email-merge';
import { riskLevelSchema, riskSignalCodeSchema, type RiskLevel, type RiskSignalCode } from '@contract/registry';
import { z } from 'zod';
import type { MailWording } from '@server/modules/notifications/mail-channel';

// The e-mail an account's owners get when its credit risk changes, in each owner's language.

const texts: Record<Language, { subject: string; intro: string; level: Record<RiskLevel, string>; signal: Record<RiskSignalCode, string>; none: string; open: string; footer: string }> = {
  es: {
    subject: 'Riesgo de crédito de {{name}}: {{level}}',
    intro: 'El riesgo de crédito de {{name}} ha pasado de {{before}} a {{after}}.',
    level: { unknown: 'sin comprobar', none: 'sin riesgo', medium: 'medio', high: 'alto' },
    signal: {
      bankruptcy: 'Quiebra', liquidation: 'Liquidación', forced_dissolution: 'Disolución forzosa', insolvency: 'Procedimiento de insolvencia',
      deregistered: 'Baja en el registro', strike_off: 'Propuesta de cancelación', suspended: 'Suspensión', overdue_accounts: 'Cuentas anuales sin presentar',
      overdue_filing: 'Declaración obligatoria sin presentar', not_located: 'Domicilio no localizado', credit_warning: 'Aviso del registro', overdue_invoices: 'Facturas vencidas',
    },
    none: 'El registro ya no indica ningún problema.',
    open: 'Abrir la cuenta en Cartera',
    footer: 'Recibes este aviso porque eres responsable de esta cuenta en Cartera.',
  },
  en: {
    subject: 'Credit risk of {{name}}: {{level}}',
    intro: 'The credit risk of {{name}} has gone from {{before}} to {{after}}.',
    level: { unknown: 'not checked', none: 'no risk', medium: 'medium', high: 'high' },
    signal: {
      bankruptcy: 'Bankruptcy', liquidation: 'Liquidation', forced_dissolution: 'Forced dissolution', insolvency: 'Insolvency proceedings',
      deregistered: 'Removed from the register', strike_off: 'Proposal to strike off', suspended: 'Suspended', overdue_accounts: 'Annual accounts overdue',
      overdue_filing: 'Mandatory filing overdue', not_located: 'Address not located', credit_warning: 'Register warning', overdue_invoices: 'Overdue invoices',
    },
    none: 'The register no longer reports any problem.',
    open: 'Open the account in Cartera',
    footer: 'You get this because you are an owner of this account in Cartera.',
  },
};

const paramsSchema = z.object({
  levelBefore: riskLevelSchema.catch('unknown'),
  levelAfter: riskLevelSchema.catch('unknown'),
  signals: z.array(z.object({ code: riskSignalCodeSchema, detail: z.string().nullable().optional(), since: z.string().nullable().optional() })).catch([]),
});

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

export const creditMailWording: MailWording = ({ params, accountName, language, link }) => {
  const t = texts[language];
  const parsed = paramsSchema.safeParse(params);
  const data = parsed.success ? parsed.data : { levelBefore: 'unknown' as const, levelAfter: 'unknown' as const, signals: [] };
  const name = accountName ?? '';
  const signals = data.signals.map((signal) => `<li>${escapeHtml([t.signal[signal.code], signal.detail, signal.since].filter(Boolean).join(' · '))}</li>`);
  return {
    subject: fill(t.subject, { name, level: t.level[data.levelAfter] }),
    html: [
      `<p>${escapeHtml(fill(t.intro, { name, before: t.level[data.levelBefore], after: t.level[data.levelAfter] }))}</p>`,
      signals.length > 0 ? `<ul>${signals.join('')}</ul>` : `<p>${escapeHtml(t.none)}</p>`,
      link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(t.open)}</a></p>` : '',
      `<p style="font-size:12px;color:#868e96">${escapeHtml(t.footer)}</p>`,
    ].join(''),
  };
};
