import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_QUERIES } from './example-queries';
import { checkSchema } from './schema-check';
import { printSubgraphSdls, readCommittedSubgraphSdls, readOperations, REPO_ROOT, SUPERGRAPH_FILE } from './schema-files';

/** `npm run schema:check` as a developer runs it: the built CLI, its exit code and its report. */
const CLI = path.join(REPO_ROOT, 'infra', 'dist', 'schema-check-cli.js');
const check = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

let dir: string;
let codeSdls: Record<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
  codeSdls = await printSubgraphSdls();
});

const checkWith = (proposed: Record<string, string>) => checkSchema({
  committedSupergraph: readFileSync(SUPERGRAPH_FILE, 'utf8'),
  committedSubgraphSdls: readCommittedSubgraphSdls(),
  subgraphSdls: { ...codeSdls, ...proposed },
  operations: readOperations(),
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A department's committed SDL with one field (and its description) removed. */
function withoutField(department: string, field: string): string {
  const sdl = readFileSync(path.join(REPO_ROOT, 'subgraphs', department, 'schema.graphql'), 'utf8');
  const changed = sdl.replace(new RegExp(`\\n  """[^"]*"""\\n  ${field}: [^\\n]*`), '');
  expect(changed).not.toBe(sdl);
  const file = path.join(dir, `${department}.graphql`);
  writeFileSync(file, changed);
  return file;
}

describe('npm run schema:check', () => {
  it('passes an unchanged tree and counts the recorded operations', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(`no breaking changes; ${readOperations().length} operations valid`);
    expect(result.status).toBe(0);
  });

  it('fails a removed field, naming the department, the field and the operations using it', () => {
    const result = check('--subgraph', `youth-league=${withoutField('youth-league', 'storyCount')}`);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("youth-league: Field 'storyCount' was removed from object type 'Region' (Region.storyCount)");
    expect(result.stdout).toMatch(/used by operations: .*readme-suzhou-region-figures\.graphql/);
    expect(result.stdout).toMatch(/readme-suzhou-region-figures\.graphql: Cannot query field "storyCount" on type "Region"/);
    expect(result.stdout).not.toContain('no breaking changes');
  });

  it('names hr for a field hr owns (in process, as the CLI runs it)', async () => {
    const result = await checkWith({ hr: readFileSync(withoutField('hr', 'ventureCount'), 'utf8') });
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual([{
      departments: ['hr'], coordinate: 'Region.ventureCount',
      message: "Field 'ventureCount' was removed from object type 'Region'",
      operations: ['e2e-region-figures.graphql', 'readme-suzhou-region-figures.graphql'],
    }]);
    expect(result.invalidOperations.map((op) => op.file)).toEqual(['e2e-region-figures.graphql', 'readme-suzhou-region-figures.graphql']);
  });

  it('passes an added field', async () => {
    const sdl = readFileSync(path.join(REPO_ROOT, 'subgraphs', 'youth-league', 'schema.graphql'), 'utf8');
    const added = sdl.replace('\n  storyCount: Int\n', '\n  storyCount: Int\n\n  volunteerCount: Int\n');
    expect(added).not.toBe(sdl);
    const result = await checkWith({ 'youth-league': added });
    expect({ ok: result.ok, breaking: result.breaking, report: result.report })
      .toEqual({ ok: true, breaking: [], report: `no breaking changes; ${readOperations().length} operations valid` });
  });

  it('refuses an unknown department', () => {
    const result = check('--subgraph', `fisheries=${path.join(dir, 'none.graphql')}`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown department "fisheries"');
  });
});

describe('recorded operations', () => {
  const normalise = (q: string) => q.replace(/^\s*#.*$/gm, '').replace(/\s+/g, ' ').trim();
  const recorded = readOperations().map((op) => normalise(op.source));
  /** Each query of a block, split at its "# …" comment line: anonymous ("{ …") or named ("query Name { …"). */
  const queriesOf = (text: string) => text.split(/^\s*#.*$/m).map(normalise).filter((q) => /^(\{|query\s)/.test(q));

  it("include the README's and npm start's example queries, word for word", () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) => queriesOf(m[1]));
    expect(documented).toHaveLength(4);
    for (const query of [...documented, ...queriesOf(EXAMPLE_QUERIES)]) expect(recorded).toContain(query);
  });
});
