import type { DatabaseHandle } from '@server/db/connect';
import { sql } from 'kysely';

/** Deterministic pseudo-random numbers, so every run builds the same dataset. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a random item of a non-empty list. */
export function picker(random: () => number) {
  return <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('empty list');
    return item;
  };
}

export const firstNames = ['Ángela', 'María', 'Lucía', 'Carmen', 'Sofía', 'Laura', 'Marta', 'Paula', 'Elena', 'Sara', 'José', 'Antonio', 'Manuel', 'Francisco', 'David', 'Juan', 'Javier', 'Daniel', 'Carlos', 'Miguel', 'Alejandro', 'Pablo', 'Sergio', 'Jorge', 'Alberto', 'Emma', 'Olivia', 'Noah', 'Liam', 'Ava', 'Iñaki', 'Núria', 'Jordi', 'Montserrat', 'Xabier', 'Ainhoa', 'Rocío', 'Begoña', 'Raúl', 'Adrián'];
export const lastNames = ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Morales', 'Suárez', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Iglesias', 'Smith', 'Johnson', 'Brown', 'Larsen', 'Nilsson'];
export const cities = [['Madrid', 'ES'], ['Barcelona', 'ES'], ['Valencia', 'ES'], ['Sevilla', 'ES'], ['Zaragoza', 'ES'], ['Málaga', 'ES'], ['Bilbao', 'ES'], ['Lima', 'PE'], ['Arequipa', 'PE'], ['México', 'MX'], ['Bogotá', 'CO'], ['Oslo', 'NO'], ['Stockholm', 'SE'], ['London', 'GB'], ['Buenos Aires', 'AR']] as const;
export const companyWords = ['Soluciones', 'Ibérica', 'Global', 'Norte', 'Sur', 'Digital', 'Logística', 'Consultores', 'Ingeniería', 'Servicios', 'Distribuciones', 'Tecnología', 'Grupo', 'Industrias', 'Comercial', 'Andina', 'Atlántica', 'Mediterránea', 'Nordic', 'Solutions'];
export const stagesWeighted = ['lead', 'lead', 'lead', 'lead', 'lead', 'prospect', 'prospect', 'customer', 'customer', 'customer'];
export const tagNames = ['Newsletter', 'VIP', 'Feria Madrid 2026', 'Black Friday', 'Renovación', 'Partner', 'Proveedor', 'Evento Lima', 'Webinar', 'Referido', 'Moroso', 'Encuesta NPS'];
export const activityTypes = ['call', 'email', 'letter', 'visit', 'meeting', 'task', 'note'];
export const requestChannels = ['phone', 'web_form', 'walk_in'];
export const requestStatuses = ['new', 'contacted', 'appointment', 'not_interested'];
export const benchPassword = 'bench-password-1';

/** Secondary indexes of the bulk-loaded tables: dropped before the load and rebuilt after it. */
export async function secondaryIndexes(handle: DatabaseHandle, tables: string[]): Promise<Array<{ name: string; definition: string }>> {
  if (handle.dialect === 'sqlite') {
    const result = await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'index' and tbl_name in (${sql.join(tables)}) and sql is not null`.execute(handle.db);
    return result.rows.flatMap((row) => (row.sql ? [{ name: row.name, definition: row.sql }] : []));
  }
  const result = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename in (${sql.join(tables)})
      and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`.execute(handle.db);
  return result.rows.map((row) => ({ name: row.indexname, definition: row.indexdef }));
}

export async function dropIndexes(handle: DatabaseHandle, indexes: Array<{ name: string }>): Promise<void> {
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(handle.db);
}

export async function createIndexes(handle: DatabaseHandle, indexes: Array<{ definition: string }>): Promise<void> {
  for (const index of indexes) await sql.raw(index.definition).execute(handle.db);
  // Statistics, and on PostgreSQL the visibility map too, as autovacuum keeps them on a database
  // in use: without it no index-only scan is possible and every count reads the table.
  await sql.raw(handle.dialect === 'sqlite' ? 'analyze' : 'vacuum (analyze)').execute(handle.db);
}
