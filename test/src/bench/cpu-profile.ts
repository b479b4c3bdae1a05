import { readFileSync } from 'node:fs';

/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes on exit) and sums its samples taken
 * within a window of the monotonic clock (the one `process.hrtime` reads, in µs): start-up and
 * shutdown stay out of what a load case is charged with. Self time per function, and inclusive
 * time (the function or anything it called).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameTime {
  frame: string;
  ms: number;
}

export interface ProfileSummary {
  /** Milliseconds sampled in the window, idle excluded. */
  busyMs: number;
  self: FrameTime[];
  inclusive: FrameTime[];
}

/** "name file:line", the file shortened to the part after node_modules or the repository. */
function frameName({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const file = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '').replace(/^.*\/(gateway|packages|subgraphs|test)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

export function summariseProfile(path: string, fromUs: number, toUs: number, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busyUs = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i];
    // A sample's time is the gap to the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (time < fromUs || time > toUs) return;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)') return;
    busyUs += us;
    const frame = IDLE.has(name) ? name : frameName(node.callFrame);
    self.set(frame, (self.get(frame) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = frameName(byId.get(at)!.callFrame);
      if (seen.has(f)) continue;
      seen.add(f);
      inclusive.set(f, (inclusive.get(f) ?? 0) + us);
    }
  });
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([frame, us]) => ({ frame, ms: us / 1000 }));
  return { busyMs: busyUs / 1000, self: sorted(self), inclusive: sorted(inclusive) };
}
