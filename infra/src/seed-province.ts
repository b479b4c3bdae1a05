import { generateWorld } from '@rg/demo-province';
import type { LoadedDepartment } from './departments';
import { provisionDepartment } from './provision';

export interface SeedTimings {
  /** Generating the demo province in memory. */
  generateMs: number;
  /** From the generated province to every department migrated and seeded. */
  seedMs: number;
  /** Each department's migration and seeding, side by side. */
  seedMsByDepartment: Record<string, number>;
}

/**
 * Generates the demo province of `trainees` trainees and migrates and seeds every chosen
 * department's database at once (a department with records already is left as it is).
 */
export async function seedProvince(options: {
  trainees: number;
  departments: readonly LoadedDepartment[];
  databaseUrls: Record<string, string>;
  onProgress?: (table: string, done: number, total: number) => void;
}): Promise<SeedTimings> {
  const began = performance.now();
  const world = generateWorld({ trainees: options.trainees });
  const generated = performance.now();
  const seedMsByDepartment: Record<string, number> = {};
  await Promise.all(options.departments.map(async (department) => {
    const start = performance.now();
    await provisionDepartment(department.subgraph, options.databaseUrls[department.name], world, options.onProgress);
    seedMsByDepartment[department.name] = performance.now() - start;
  }));
  return { generateMs: generated - began, seedMs: performance.now() - generated, seedMsByDepartment };
}
