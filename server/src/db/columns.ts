import { Column, type ColumnOptions, PrimaryColumn } from 'typeorm';
import { randomUUID } from 'node:crypto';

/**
 * Column shapes that mean the same on SQLite and MariaDB/MySQL. Migrations use the matching
 * `col.*` helpers in migrations/columns.ts so that the schema builder finds no difference.
 */
export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const DateColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
export const BoolColumn = (defaultValue: boolean, options: ColumnOptions = {}) =>
  Column({ type: 'boolean', default: defaultValue ? 1 : 0, ...options });
export const IntColumn = (defaultValue = 0, options: ColumnOptions = {}) => Column({ type: 'integer', default: defaultValue, ...options });
export const StringColumn = (length: number, options: ColumnOptions = {}) => Column({ type: 'varchar', length, ...options });
export const TextColumn = (options: ColumnOptions = {}) => Column({ type: 'text', ...options });

export const newId = () => randomUUID();
