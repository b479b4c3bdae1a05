import { DEPARTMENTS, departmentEntry, type Department } from '@rg/departments';

/** One statement PostgreSQL logged with its duration: the database, the milliseconds and the text. */
export interface LoggedStatement { database: string; ms: number; text: string }

/** "… [pid] database LOG:  duration: 12.3 ms  execute <unnamed>: SELECT …" entries of the log. */
export function statementsOf(log: string): LoggedStatement[] {
  const statements: LoggedStatement[] = [];
  for (const entry of log.split(/\n(?=\d{4}-\d\d-\d\d )/)) {
    const match = /\] (\S*) LOG:\s+duration: ([\d.]+) ms\s+(.*)/s.exec(entry);
    if (match) statements.push({ database: match[1], ms: Number(match[2]), text: match[3].replace(/\s+/g, ' ') });
  }
  return statements;
}

export interface AuditCost {
  /** The audit appends the department ran (each `SELECT audit_append($1::jsonb)` executed). */
  appends: number;
  /** PostgreSQL's time for them, every protocol step (parse, bind, execute) summed. */
  ms: number;
}

/**
 * The audit's own cost in one request, per department, from PostgreSQL's log of every statement
 * (log_min_duration_statement=0): the appends and their summed duration. The extended protocol
 * logs a statement's parse and bind apart from its execution (a named statement is parsed once
 * per connection), so each step counts towards the time and only an execution is an append.
 */
export function auditCosts(statements: readonly LoggedStatement[]): Map<Department, AuditCost> {
  const costs = new Map<Department, AuditCost>(DEPARTMENTS.map((d) => [d, { appends: 0, ms: 0 }]));
  const byDatabase = new Map(DEPARTMENTS.map((d) => [departmentEntry(d).database, d]));
  for (const statement of statements) {
    const department = byDatabase.get(statement.database);
    if (!department || !/\baudit_append\(/.test(statement.text)) continue;
    const cost = costs.get(department)!;
    cost.ms += statement.ms;
    if (/^execute\b/.test(statement.text)) cost.appends++;
  }
  return costs;
}
