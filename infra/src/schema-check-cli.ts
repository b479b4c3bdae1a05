import { readFileSync } from 'node:fs';
import { DEPARTMENTS, isDepartment } from '@rg/departments';
import { checkSchema } from './schema-check';
import { printSubgraphSdls, readCommittedSubgraphSdls, readOperations, SUPERGRAPH_FILE } from './schema-files';

/**
 * `npm run schema:check [-- --subgraph <department>=<file.graphql> …]`: the code's subgraphs
 * (or a department's proposed SDL in their place) against the committed supergraph and the
 * recorded operations in operations/. Exit 1 on a breaking change or a broken operation.
 */
async function main(): Promise<void> {
  const proposed: Record<string, string> = {};
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const [flag, value] = args[i].includes('=') && args[i].startsWith('--subgraph=')
      ? ['--subgraph', args[i].slice('--subgraph='.length)] : [args[i], args[i + 1]];
    if (flag !== '--subgraph' || !value?.includes('=')) {
      console.error('usage: npm run schema:check [-- --subgraph <department>=<file.graphql> …]');
      process.exit(2);
    }
    if (!args[i].startsWith('--subgraph=')) i++;
    const [name, file] = [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)];
    if (!isDepartment(name)) {
      console.error(`unknown department "${name}" in --subgraph; one of ${DEPARTMENTS.join(', ')}`);
      process.exit(2);
    }
    proposed[name] = readFileSync(file, 'utf8');
  }
  const sdls: Record<string, string> = { ...(await printSubgraphSdls()), ...proposed };
  const result = await checkSchema({
    committedSupergraph: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    committedSubgraphSdls: readCommittedSubgraphSdls(),
    subgraphSdls: sdls,
    operations: readOperations(),
  });
  console.log(result.report);
  process.exitCode = result.ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
