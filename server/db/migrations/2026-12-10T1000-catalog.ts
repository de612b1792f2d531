import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// The catalog (seed 001 "Catálogos"): products and services with a code, a unit from a configurable
// list, a list price in minor units, a default tax rate and a category. Tax rates are a list of
// their own because each carries a percentage; they are seeded so Peru (IGV 18%) and Spain (IVA
// 21% / 10% / 4%) work out of the box, with an exempt rate for both.

type Seed = readonly [key: string, es: string, en: string];

const lists: Record<string, readonly Seed[]> = {
  product_unit: [
    ['unit', 'Unidad', 'Unit'], ['hour', 'Hora', 'Hour'], ['day', 'Día', 'Day'], ['month', 'Mes', 'Month'], ['year', 'Año', 'Year'],
    ['kg', 'Kilogramo', 'Kilogram'], ['m', 'Metro', 'Metre'], ['m2', 'Metro cuadrado', 'Square metre'], ['l', 'Litro', 'Litre'],
  ],
  product_category: [['products', 'Productos', 'Products'], ['services', 'Servicios', 'Services']],
};

const taxRates: ReadonlyArray<readonly [key: string, es: string, en: string, rateBp: number]> = [
  ['pe_igv', 'IGV 18%', 'IGV 18%', 1800],
  ['es_iva_general', 'IVA general 21%', 'VAT standard 21%', 2100],
  ['es_iva_reducido', 'IVA reducido 10%', 'VAT reduced 10%', 1000],
  ['es_iva_superreducido', 'IVA superreducido 4%', 'VAT super-reduced 4%', 400],
  ['exempt', 'Exento 0%', 'Exempt 0%', 0],
];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  // Compared as bytes on both dialects: codes and names sort alike and a prefix LIKE can use the index.
  const bytes = pg ? sql`text collate "C"` : sql`text`;
  const money = pg ? sql`bigint` : sql`integer`;
  const bool = (value: boolean) => (pg ? value : value ? 1 : 0);

  await db.schema
    .createTable('tax_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('label_es', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('code_norm', bytes, (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', bytes, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('price', money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('tax_rate_id', 'text', (c) => c.references('tax_rates.id'))
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The list's sorts (name, code) and its filters followed by the default sort.
  await db.schema.createIndex('products_name_idx').on('products').columns(['name_norm', 'id']).execute();
  await db.schema.createIndex('products_active_name_idx').on('products').columns(['active', 'name_norm', 'id']).execute();
  await db.schema.createIndex('products_category_name_idx').on('products').columns(['category', 'name_norm', 'id']).execute();
  await db.schema.createIndex('products_kind_name_idx').on('products').columns(['kind', 'name_norm', 'id']).execute();
  await db.schema.createIndex('products_updated_idx').on('products').columns(['updated_at', 'id']).execute();

  const now = new Date().toISOString();
  await db.insertInto('tax_rates').values(taxRates.map(([key, es, en, rateBp], index) => ({
    id: `00000000-0000-7000-8021-${String(index + 1).padStart(12, '0')}`, key, label_es: es, label_en: en, rate_bp: rateBp,
    position: index, active: bool(true), created_at: now, updated_at: now, version: 1,
  }))).execute();
  const rows = Object.entries(lists).flatMap(([listKey, items], listIndex) =>
    items.map(([key, es, en], index) => ({
      // Fixed ids keep the seed identical on every install (UUIDv7-shaped, time zero).
      id: `00000000-0000-7000-8022-${String(listIndex * 100 + index + 1).padStart(12, '0')}`,
      list_key: listKey, key, label_es: es, label_en: en, color: null, position: index, active: bool(true), system: bool(false),
      created_at: now, updated_at: now, version: 1,
    })),
  );
  await db.insertInto('list_items').values(rows).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('list_items').where('list_key', 'in', Object.keys(lists)).execute();
  await db.schema.dropTable('products').ifExists().execute();
  await db.schema.dropTable('tax_rates').ifExists().execute();
}
