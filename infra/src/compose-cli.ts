import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './compose';

/** `npm run compose [-- <file>]`: writes the static supergraph production serves (SUPERGRAPH_PATH). */
async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'supergraph.graphql');
  const result = await composeSupergraph();
  if (!result.supergraphSdl) {
    console.error('The supergraph does not compose:');
    for (const error of result.errors) console.error(`  - ${error}`);
    process.exit(1);
  }
  writeFileSync(out, result.supergraphSdl);
  console.log(`Supergraph of ${result.supergraphSdl.split('\n').length} lines written to ${out}`);
  if (result.hints.length) console.log(`${result.hints.length} composition hints (run with HINTS=1 to list)`);
  if (process.env.HINTS === '1') for (const hint of result.hints) console.log(`  ${hint}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
