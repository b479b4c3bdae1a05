import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, freshDatabaseUrl, postGraphQL } from '@rg/dev-postgres';
import { waitUntilReady } from './processes';
import { refuseName } from './new-department/scaffold';
import { REPO_ROOT } from './schema-files';

describe('npm run new-department refuses a bad name', () => {
  it.each([
    [undefined, 'usage'], ['Fisheries', 'not kebab-case'], ['civil--affairs', 'not kebab-case'], ['4h', 'not kebab-case'],
    ['hr', 'already a department'], ['youth-league', 'already a department'], ['admin', 'reserved'],
  ])('%s', (name, reason) => {
    expect(refuseName(REPO_ROOT, name)).toContain(reason);
  });

  it('accepts a new kebab-case name', () => {
    expect(refuseName(REPO_ROOT, 'civil-affairs')).toBeUndefined();
  });
});

/**
 * The whole workflow in a temporary copy of the repository (built workspaces copied, external
 * packages linked from this checkout's node_modules): scaffold, build, compose with the other
 * departments, start the new subgraph as its own process on a database of the test server, query it.
 */
describe('a scaffolded department composes and starts', () => {
  let copy: string;
  let service: ChildProcess | undefined;
  const run = (command: string, args: string[], cwd: string) => {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'new-department-'));
    for (const entry of ['package.json', 'tsconfig.json', '.swcrc', 'jest.config.js', 'packages', 'subgraphs', 'gateway', 'infra', 'operations']) {
      cpSync(path.join(REPO_ROOT, entry), path.join(copy, entry), {
        recursive: true,
        filter: (source) => !/[/\\](node_modules|\.turbo)$/.test(source),
      });
    }
    // node_modules: external packages linked from this checkout; the workspaces (@rg/*) are the copy's own.
    mkdirSync(path.join(copy, 'node_modules', '@rg'), { recursive: true });
    for (const entry of readdirSync(path.join(REPO_ROOT, 'node_modules')).filter((e) => e !== '@rg')) {
      symlinkSync(path.join(REPO_ROOT, 'node_modules', entry), path.join(copy, 'node_modules', entry));
    }
    for (const workspace of ['packages', 'subgraphs']) {
      for (const dir of readdirSync(path.join(copy, workspace))) {
        const { name } = JSON.parse(readFileSync(path.join(copy, workspace, dir, 'package.json'), 'utf8'));
        symlinkSync(path.join(copy, workspace, dir), path.join(copy, 'node_modules', name));
      }
    }
    symlinkSync(path.join(copy, 'gateway'), path.join(copy, 'node_modules', '@rg', 'gateway'));
    symlinkSync(path.join(copy, 'infra'), path.join(copy, 'node_modules', '@rg', 'infra'));
    for (const nested of ['gateway', 'packages/subgraph-kit']) {
      symlinkSync(path.join(REPO_ROOT, nested, 'node_modules'), path.join(copy, nested, 'node_modules'));
    }
  }, 120_000);

  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service!.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
    rmSync(copy, { recursive: true, force: true });
  });

  it('scaffolds, registers the next free port, composes, starts and answers', async () => {
    const output = run(process.execPath, [path.join(copy, 'infra', 'dist', 'new-department-cli.js'), 'civil-affairs', '--no-install'], copy);
    expect(output).toContain('civil-affairs: port 4006');
    const manifest = readFileSync(path.join(copy, 'packages', 'departments', 'src', 'manifest.ts'), 'utf8');
    expect(manifest).toContain("{ name: 'civil-affairs', package: '@rg/civil-affairs', port: 4006, database: 'civil_affairs'");
    for (const part of ['package.json', 'tsconfig.json', 'src/index.ts', 'src/loaders.ts', 'src/seed.ts', 'src/civil-affairs.test.ts',
      'src/entities/index.ts', 'src/resolvers/index.ts', 'src/figures/region-figures.ts', 'src/migrations/index.ts']) {
      expect(readdirSync(path.join(copy, 'subgraphs', 'civil-affairs', path.dirname(part)))).toContain(path.basename(part));
    }
    expect(readFileSync(path.join(copy, 'subgraphs', 'civil-affairs', 'src', 'migrations', 'index.ts'), 'utf8')).toContain('CreateAuditTrail');
    // The same name again is refused.
    const again = spawnSync(process.execPath, [path.join(copy, 'infra', 'dist', 'new-department-cli.js'), 'civil-affairs', '--no-install'], { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already a department');

    for (const workspace of ['packages/departments', 'subgraphs/civil-affairs']) run('npm', ['run', 'build', '--silent'], path.join(copy, workspace));
    const update = run(process.execPath, [path.join(copy, 'infra', 'dist', 'schema-update-cli.js')], copy);
    expect(update).toContain('subgraphs/civil-affairs/schema.graphql');
    const supergraph = readFileSync(path.join(copy, 'supergraph.graphql'), 'utf8');
    expect(supergraph).toContain('CIVIL_AFFAIRS @join__graph(name: "civil-affairs", url: "http://127.0.0.1:4006/graphql")');
    expect(supergraph).toMatch(/civilAffairsRecords\([^]*?\): CivilAffairsRecordConnection @join__field\(graph: CIVIL_AFFAIRS\)/);
    expect(supergraph).toContain('name: "youth-league"'); // composed with the others

    // Its code type-checks, and its own first test passes (the copy's jest, on its own embedded PostgreSQL).
    run(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(copy, 'subgraphs', 'civil-affairs')], copy);
    const firstTest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--roots', '<rootDir>/subgraphs/civil-affairs', '--ci'],
      { cwd: copy, encoding: 'utf8', timeout: 180_000 });
    expect(firstTest.stderr).toMatch(/Tests: +2 passed, 2 total/);
    expect(firstTest.status).toBe(0);

    const port = await freePort();
    service = spawn(process.execPath, [path.join(copy, 'subgraphs', 'civil-affairs', 'dist', 'index.js')], {
      env: { ...process.env, CIVIL_AFFAIRS_DATABASE_URL: await freshDatabaseUrl('civil_affairs'), CIVIL_AFFAIRS_PORT: String(port) },
      stdio: 'ignore',
    });
    await waitUntilReady(`http://127.0.0.1:${port}/ready`, 60_000, service);
    const { data, errors } = await postGraphQL(`http://127.0.0.1:${port}/graphql`,
      '{ civilAffairsRecords(first: 5) { totalCount } region(code: "320300") { name civilAffairsRecordCount } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ civilAffairsRecords: { totalCount: 0 }, region: { name: '徐州市', civilAffairsRecordCount: 0 } });
  }, 240_000);
});
