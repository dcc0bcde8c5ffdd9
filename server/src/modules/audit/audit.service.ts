import type { EntityManager } from 'typeorm';
import type { Clock } from '../../clock.js';
import { newId } from '../../db/columns.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
  actorId?: string | null;
  targetId?: string | null;
  ip?: string | null;
  /** Non-secret facts only: never a password, token, code or hash. */
  detail?: Record<string, unknown>;
}

/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
export class AuditLog {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      id: newId(),
      at: this.clock.now(),
      action: entry.action,
      actorId: entry.actorId ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    });
  }
}
