import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './schema-files';
import { refuseName, scaffoldDepartment } from './new-department/scaffold';

/**
 * `npm run new-department -- <name> [--no-install]`: a new subgraph of the standard shape,
 * registered in the manifest with the next free port. Then npm install records the new
 * workspace in package-lock.json (skipped with --no-install).
 */
function main(): void {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--'));
  const refusal = refuseName(REPO_ROOT, name);
  if (refusal) {
    console.error(refusal);
    process.exit(2);
  }
  const result = scaffoldDepartment(REPO_ROOT, name!);
  console.log(`${result.name}: port ${result.port}, ${result.files.length} files in subgraphs/${result.name}/`);
  if (!args.includes('--no-install')) {
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (install.status !== 0) process.exit(install.status ?? 1);
  }
  console.log([
    'Next:',
    `  npm run build && npx jest subgraphs/${result.name}/   its first test`,
    '  npm run schema:update                          commit its schema.graphql and the new supergraph.graphql',
    '  npm start                                      it starts with the others',
    `Then give it its domain, its part of the demo province, a row in docs/ACCESS.md and its bad-input cases.`,
  ].join('\n'));
}

main();
