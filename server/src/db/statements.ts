import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';

/** The SQL statements of one request (or any unit of work run inside `countStatements`). */
export interface StatementTally { count: number }

const scope = new AsyncLocalStorage<StatementTally>();

/** Runs `work` with its own tally; every statement TypeORM sends while it runs is counted there. */
export function countStatements<T>(tally: StatementTally, work: () => T): T {
  return scope.run(tally, work);
}

/** Counts one statement into the current tally, if any (for SQL sent past TypeORM, see Sql). */
export function noteStatement(): void {
  const tally = scope.getStore();
  if (tally) tally.count++;
}

/**
 * TypeORM logger that counts statements into the current tally (if any) and logs nothing else
 * (`logging: false` keeps TypeORM from calling the other methods). Costs one AsyncLocalStorage read per statement.
 */
export class StatementCounter extends AbstractLogger {
  override logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    noteStatement();
  }
  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[] | string | number, _queryRunner?: QueryRunner): void {}
}
