import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { departments } from './departments';
import { composeSdls } from './compose';
import { asFile, printSubgraphSdls, subgraphSchemaFile, REPO_ROOT, SUPERGRAPH_FILE, UPDATE_COMMAND } from './schema-files';

/**
 * The committed schemas are what reviewers and front ends read: each must be exactly what
 * the code builds, or the developer is told to regenerate them.
 */
function expectCommitted(file: string, fromCode: string): void {
  const relative = path.relative(REPO_ROOT, file);
  if (!existsSync(file)) throw new Error(`${relative} is missing: run ${UPDATE_COMMAND} and commit it`);
  const committed = readFileSync(file, 'utf8');
  if (committed === asFile(fromCode)) return;
  const [a, b] = [committed.split('\n'), asFile(fromCode).split('\n')];
  const line = a.findIndex((text, i) => text !== b[i]);
  throw new Error(`${relative} differs from the code's schema (first at line ${line + 1}: committed "${a[line]}", code "${b[line]}"): `
    + `run ${UPDATE_COMMAND}, review the diff and commit it`);
}

let sdls: Record<string, string>;
beforeAll(async () => {
  sdls = await printSubgraphSdls();
});

describe('committed schemas match the code', () => {
  it.each(departments.map((d) => [d.name, d] as const))('subgraphs/%s/schema.graphql', (_name, department) => {
    expectCommitted(subgraphSchemaFile(department), sdls[department.name]);
  });

  it('supergraph.graphql', () => {
    const composition = composeSdls(sdls, {});
    expect(composition.errors).toEqual([]);
    expectCommitted(SUPERGRAPH_FILE, composition.supergraphSdl!);
  });

  it('tells the developer what to run when a file differs', () => {
    const file = subgraphSchemaFile(departments[0]);
    expect(() => expectCommitted(file, `${sdls[departments[0].name]}\ntype Extra { x: Int }`))
      .toThrow(/differs from the code's schema .*run npm run schema:update/);
  });
});
