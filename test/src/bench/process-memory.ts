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

/** One process's PSS split by kind of page, in KiB (Linux 5.x+ smaps_rollup). */
interface PssParts { pss: number; anon: number; file: number; shmem: number }

function pssParts(pid: number): PssParts {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(rollup.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
    return { pss: field('Pss'), anon: field('Pss_Anon'), file: field('Pss_File'), shmem: field('Pss_Shmem') };
  } catch {
    return { pss: 0, anon: 0, file: 0, shmem: 0 };
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
 * count once rather than once per backend that touched them. Split in two, because they mean
 * different things over a soak:
 * - `private`: each process's own memory (anonymous pages: catalogue caches, sort and hash
 *   memory, connection state) and its share of mapped files (the binaries). A leak shows here.
 * - `sharedPool`: pages of the shared-memory segment touched so far, chiefly the buffer pool.
 *   It is a cache of fixed size (`shared_buffers`) that fills as the run reads and writes new
 *   pages and stays full; it grows until it reaches that size whatever the workload does.
 */
export function postgresMemoryKiB(dataDir: string): { total: number; private: number; sharedPool: number; processes: number } {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const parts = [postmaster, ...childrenOf(postmaster)].map(pssParts);
  const sum = (pick: (p: PssParts) => number) => parts.reduce((total, p) => total + pick(p), 0);
  return { total: sum((p) => p.pss), private: sum((p) => p.anon + p.file), sharedPool: sum((p) => p.shmem), processes: parts.length };
}
