import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time a process (and, for PostgreSQL, every backend it forked) has used, in clock ticks
 * (utime + stime, fields 14 and 15 of /proc/<pid>/stat). Linux /proc. The difference of two
 * readings over a measured period is that process's share of the CPU the run used.
 */
function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: [0] is field 3.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone meanwhile
  }
}

export function cpuTicks(pid: number): number {
  const fields = stat(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : 0;
}

/** The postmaster and all its children (backends, checkpointer, walwriter …). */
export function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const children = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number)
    .filter((pid) => Number(stat(pid)?.[1]) === postmaster);
  return [postmaster, ...children];
}

/** CPU ticks per named process group; PostgreSQL's backends are looked up afresh each reading. */
export function readCpu(pids: Record<string, number>, postgresDataDir: string): Record<string, number> {
  const ticks: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) ticks[name] = cpuTicks(pid);
  ticks.postgres = postgresPids(postgresDataDir).reduce((sum, pid) => sum + cpuTicks(pid), 0);
  return ticks;
}

/**
 * CPU ticks the server has used since it started: the postmaster's own, those of the backends
 * that ended (which it waited for: cutime and cstime, fields 16 and 17) and those still running.
 */
export function postgresCpuTicks(dataDir: string): number {
  const [postmaster, ...children] = postgresPids(dataDir);
  const fields = stat(postmaster);
  const reaped = fields ? Number(fields[13]) + Number(fields[14]) : 0;
  return cpuTicks(postmaster) + reaped + children.reduce((sum, pid) => sum + cpuTicks(pid), 0);
}
