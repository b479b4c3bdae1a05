import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory of one process in KiB (VmRSS), or 0 once it has gone. Linux /proc. */
export function rssKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Proportional set size in KiB: shared pages divided among the processes sharing them. */
function pssKiB(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name before it may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parentPid === parent) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/**
 * PostgreSQL's memory: the postmaster and every backend it forked, by PSS, so shared buffers
 * count once rather than once per backend that touched them.
 */
export function postgresPssKiB(dataDir: string): { kib: number; processes: number } {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const pids = [postmaster, ...childrenOf(postmaster)];
  return { kib: pids.reduce((sum, pid) => sum + pssKiB(pid), 0), processes: pids.length };
}
