import { generateWorldInSteps, DEFAULT_TRAINEES, MAX_TRAINEES, type World } from '@rg/demo-province';
import { wholeNumber } from '@rg/settings';
import type { LoadedDepartment } from './departments';
import { provisionDepartment } from './provision';

/**
 * A demo province's size from a setting: DEMO_TRAINEES for npm start and npm run seed, or a
 * benchmark's own (BENCH_TRAINEES, LOAD_TRAINEES …) with its default; 0 to 1,000,000, what the
 * generator makes, refused by the setting's name otherwise.
 */
export function demoTrainees(env: NodeJS.ProcessEnv = process.env, name = 'DEMO_TRAINEES', fallback = DEFAULT_TRAINEES): number {
  return wholeNumber(env, name, fallback, 0, MAX_TRAINEES);
}

export interface SeedTimings {
  /** Generating the demo province in memory (0 when every department had its records already). */
  generateMs: number;
  /**
   * The rest of the time to every department migrated and seeded: the generation and the first
   * loads overlap (hr loads its trainees as they are generated), so this is what is left after it.
   */
  seedMs: number;
  /** Each department's migration and seeding, side by side, less the part of it the generation overlapped. */
  seedMsByDepartment: Record<string, number>;
}

/**
 * The demo province, generated on first use: a second start on the same data directory finds
 * every department seeded and never reads it, and generating a million trainees takes half a
 * minute. It is generated in steps, so the departments' migrations go on meanwhile and hr's
 * trainees and the registry's households are loaded as they come (see generateWorldInSteps);
 * its span is kept to tell it apart from the loads' own time.
 */
function lazyProvince(trainees: number) {
  let world: World | undefined;
  const span = { start: 0, end: 0 };
  let generated: Promise<void> = Promise.resolve();
  const province = new Proxy({} as World, {
    get(_target, key) {
      if (!world) {
        span.start = performance.now();
        const progress = generateWorldInSteps({ trainees });
        world = progress.world;
        generated = progress.done.then(() => { span.end = performance.now(); });
        generated.catch(() => undefined);
      }
      return world[key as keyof World];
    },
  });
  return { province, span, generated: () => generated };
}

/**
 * Migrates every chosen department's database at once and seeds those still empty with the
 * demo province of `trainees` trainees (a department with records already is left as it is).
 */
export async function seedProvince(options: {
  trainees: number;
  departments: readonly LoadedDepartment[];
  databaseUrls: Record<string, string>;
  onProgress?: (table: string, done: number, total: number) => void;
}): Promise<SeedTimings> {
  const began = performance.now();
  const { province, span, generated } = lazyProvince(options.trainees);
  const spans: Record<string, { start: number; end: number }> = {};
  await Promise.all(options.departments.map(async (department) => {
    const start = performance.now();
    await provisionDepartment(department.subgraph, options.databaseUrls[department.name], province, options.onProgress);
    spans[department.name] = { start, end: performance.now() };
  }));
  await generated();
  // Only now is the generation's end known: a department may finish before it (the registry,
  // loaded as it is generated), and then nothing of its time is beyond the generation.
  const seedMsByDepartment = Object.fromEntries(Object.entries(spans).map(([name, { start, end }]) =>
    [name, end - start - Math.max(0, Math.min(end, span.end) - Math.max(start, span.start))]));
  const generateMs = span.end - span.start;
  return { generateMs, seedMs: performance.now() - began - generateMs, seedMsByDepartment };
}
