import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NAME_PATTERN, namesOf } from './names';
import { departmentFiles } from './templates';

export const MANIFEST_FILE = path.join('packages', 'departments', 'src', 'manifest.ts');
const MARKER = '  // new-department: entries are appended above this line';
const RESERVED = ['analyst', 'admin', 'public', 'gateway', 'departments', 'subgraph-kit'];

export interface ScaffoldResult {
  name: string;
  port: number;
  directory: string;
  files: string[];
}

/** The manifest's entries as written in its source: names and ports, to validate and number a new one. */
function manifestEntries(source: string): Array<{ name: string; port: number }> {
  return [...source.matchAll(/\{ name: '([^']+)', package: '[^']+', port: (\d+)/g)].map((m) => ({ name: m[1], port: Number(m[2]) }));
}

/** Why a name cannot be a new department, or undefined if it can. */
export function refuseName(root: string, name: string | undefined): string | undefined {
  if (!name) return 'usage: npm run new-department -- <name> (kebab-case, e.g. civil-affairs)';
  if (!NAME_PATTERN.test(name)) return `"${name}" is not kebab-case (lower-case letters and digits, words joined by "-", e.g. civil-affairs)`;
  if (RESERVED.includes(name)) return `"${name}" is reserved (a role or a package of the project)`;
  if (manifestEntries(readFileSync(path.join(root, MANIFEST_FILE), 'utf8')).some((d) => d.name === name)) {
    return `"${name}" is already a department of the manifest`;
  }
  if (existsSync(path.join(root, 'subgraphs', name))) return `subgraphs/${name} exists already`;
  return undefined;
}

/**
 * Writes subgraphs/<name>/ in the standard shape, appends the department to the manifest with
 * the next free port, makes infra depend on it and links it into node_modules/@rg like npm would.
 */
export function scaffoldDepartment(root: string, name: string, now = Date.now()): ScaffoldResult {
  const refusal = refuseName(root, name);
  if (refusal) throw new Error(refusal);
  const n = namesOf(name);
  const manifestPath = path.join(root, MANIFEST_FILE);
  const manifest = readFileSync(manifestPath, 'utf8');
  if (!manifest.includes(MARKER)) throw new Error(`${MANIFEST_FILE} has lost its line "${MARKER.trim()}"`);
  const port = Math.max(...manifestEntries(manifest).map((d) => d.port)) + 1;

  const directory = path.join(root, 'subgraphs', name);
  const files = departmentFiles(n, now);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }

  const entry = `  { name: '${name}', package: '@rg/${name}', port: ${port}, database: '${n.snake}', title: '${name}' },\n`;
  writeFileSync(manifestPath, manifest.replace(`${MARKER}\n`, `${entry}${MARKER}\n`));

  const infraPackage = path.join(root, 'infra', 'package.json');
  const infra = JSON.parse(readFileSync(infraPackage, 'utf8'));
  infra.dependencies[`@rg/${name}`] = '0.1.0';
  writeFileSync(infraPackage, `${JSON.stringify(infra, null, 2)}\n`);

  const scope = path.join(root, 'node_modules', '@rg');
  if (existsSync(scope) && !existsSync(path.join(scope, name))) symlinkSync(path.join('..', '..', 'subgraphs', name), path.join(scope, name));
  return { name, port, directory, files: Object.keys(files).map((f) => path.join('subgraphs', name, f)) };
}
