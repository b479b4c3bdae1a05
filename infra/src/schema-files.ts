import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printDepartmentSdl } from '@rg/subgraph-kit';
import type { Department } from '@rg/departments';
import { departments, type LoadedDepartment } from './departments';

/** The repository's root (infra/dist/.. or infra/src/..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SUPERGRAPH_FILE = path.join(REPO_ROOT, 'supergraph.graphql');
/** Recorded client operations (README, npm start, end-to-end tests, front ends): each a .graphql file. */
export const OPERATIONS_DIR = path.join(REPO_ROOT, 'operations');
export const UPDATE_COMMAND = 'npm run schema:update';

/** subgraphs/<department>/schema.graphql, found through the department's package. */
export function subgraphSchemaFile(department: LoadedDepartment): string {
  return path.join(path.dirname(require.resolve(`${department.package}/package.json`)), 'schema.graphql');
}

/** Each department's SDL as its code builds it, as the gateway reads it (printSubgraphSchema). */
export async function printSubgraphSdls(): Promise<Record<Department, string>> {
  const entries = await Promise.all(departments.map(async (d) => [d.name, await printDepartmentSdl(d.subgraph.schema)] as const));
  return Object.fromEntries(entries) as Record<Department, string>;
}

/** The committed SDL of each department; a department without a file yet has none. */
export function readCommittedSubgraphSdls(): Partial<Record<Department, string>> {
  const committed: Partial<Record<Department, string>> = {};
  for (const department of departments) {
    const file = subgraphSchemaFile(department);
    if (existsSync(file)) committed[department.name] = readFileSync(file, 'utf8');
  }
  return committed;
}

export interface RecordedOperation {
  file: string;
  source: string;
}

export function readOperations(dir = OPERATIONS_DIR): RecordedOperation[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort()
    .map((file) => ({ file, source: readFileSync(path.join(dir, file), 'utf8') }));
}

/** One recorded operation as a client sends it: the file's text without its "# …" comment lines. */
export function recordedOperationText(file: string, dir = OPERATIONS_DIR): string {
  return readFileSync(path.join(dir, file), 'utf8').replace(/^\s*#.*$/gm, '').trim();
}

/** Committed files end with one newline whatever the printer gives, so editors leave them alone. */
export function asFile(sdl: string): string {
  return `${sdl.trimEnd()}\n`;
}

export function writeFile(file: string, text: string): void {
  writeFileSync(file, asFile(text));
}
