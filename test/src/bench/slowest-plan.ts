import { createDataSource } from '@rg/data-helpers';

/**
 * The embedded server's settings for finding the slowest statement: auto_explain is loaded but
 * off (its default log_min_duration, -1), so the timed runs pay nothing for it;
 * `explainSlowStatements` turns it on for one extra pass and picks the slowest plan it logged.
 * log_min_duration must not be set here: a command-line setting outranks ALTER SYSTEM, and the
 * extra pass would log nothing.
 */
export const EXPLAIN_SETTINGS = [
  'shared_preload_libraries=auto_explain',
  'auto_explain.log_analyze=on',
  'auto_explain.log_buffers=on',
  // A key set is a bigint[] of 250,000 prefixes: the plan shows each parameter's first bytes only.
  'auto_explain.log_parameter_max_length=200',
];

/** Collects the server's log lines while asked to (pass `collect` as the stack's postgresLog). */
export class ServerLog {
  private lines: string[] | undefined;
  readonly collect = (message: string) => this.lines?.push(message);
  start(): void { this.lines = []; }
  stop(): string { const text = (this.lines ?? []).join('\n'); this.lines = undefined; return text; }
}

/** Runs `during` with EXPLAIN (ANALYZE) logged for every statement of `minMs` or more; the slowest plan. */
export async function explainSlowStatements(
  databaseUrl: string, log: ServerLog, minMs: number, during: () => Promise<void>,
): Promise<{ ms: number; plan: string } | undefined> {
  const db = createDataSource({ url: databaseUrl, entities: [], migrations: [] });
  await db.initialize();
  log.start();
  try {
    await db.query(`ALTER SYSTEM SET auto_explain.log_min_duration = '${minMs}ms'`);
    await db.query('SELECT pg_reload_conf()');
    try {
      await during();
    } finally {
      await db.query('ALTER SYSTEM RESET auto_explain.log_min_duration');
      await db.query('SELECT pg_reload_conf()');
    }
  } finally {
    await db.destroy();
  }
  // A log entry starts with its timestamp; the plan's own lines are continuation lines.
  let slowest: { ms: number; plan: string } | undefined;
  for (const entry of log.stop().split(/\n(?=\d{4}-\d\d-\d\d )/)) {
    const match = /duration: ([\d.]+) ms\s+plan:/.exec(entry);
    if (match && (!slowest || Number(match[1]) > slowest.ms)) slowest = { ms: Number(match[1]), plan: entry.trim() };
  }
  return slowest;
}
