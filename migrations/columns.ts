import type { TableColumnOptions } from 'typeorm';

/**
 * Portable column shapes for migrations; they mirror server/src/db/columns.ts so that after
 * migrating, TypeORM's schema builder sees no difference on SQLite or MariaDB/MySQL.
 * Defaults are raw SQL here (hence the quotes around strings).
 */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  string: (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions =>
    ({ name, type: 'varchar', length: String(length), isNullable: false, ...extra }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  date: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable }),
  bool: (name: string, defaultValue: boolean): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: defaultValue ? 1 : 0 }),
  int: (name: string, defaultValue = 0): TableColumnOptions => ({ name, type: 'integer', isNullable: false, default: defaultValue }),
};
