import path from 'node:path';
import { departments } from './departments';
import { composeSdls } from './compose';
import { printSubgraphSdls, subgraphSchemaFile, writeFile, REPO_ROOT, SUPERGRAPH_FILE } from './schema-files';

/**
 * `npm run schema:update`: writes every committed schema from the code in one go, each
 * department's subgraphs/<department>/schema.graphql and the composed supergraph.graphql.
 * The supergraph names the manifest's default URLs (X_URL variables are ignored), so the
 * file does not depend on who ran the command.
 */
async function main(): Promise<void> {
  const sdls = await printSubgraphSdls();
  for (const department of departments) {
    const file = subgraphSchemaFile(department);
    writeFile(file, sdls[department.name]);
    console.log(`${department.name.padEnd(18)} ${path.relative(REPO_ROOT, file)}`);
  }
  const composition = composeSdls(sdls, {});
  if (!composition.supergraphSdl) {
    console.error('The supergraph does not compose:');
    for (const error of composition.errors) console.error(`  - ${error}`);
    process.exit(1);
  }
  writeFile(SUPERGRAPH_FILE, composition.supergraphSdl);
  console.log(`${'supergraph'.padEnd(18)} ${path.relative(REPO_ROOT, SUPERGRAPH_FILE)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
