import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Node's module cache is what the copy goes through, and jest keeps its own: each check runs
// the built gateway (npm test builds first) in a Node process of its own.
const gatewayDir = path.join(__dirname, '..');
const dist = path.join(gatewayDir, 'dist');

function runNode(args: string[], script: string): Record<string, unknown> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'federation-exports-')), 'check.js');
  writeFileSync(file, script);
  const result = spawnSync(process.execPath, args.map((arg) => arg.replace('CHECK', file)), {
    cwd: gatewayDir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, GATEWAY_PORT: '0' },
  });
  const line = result.stdout.split('\n').find((text) => text.startsWith('{'));
  if (!line) throw new Error(`no result (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(line) as Record<string, unknown>;
}

describe("@apollo/federation-internals' names as plain values", () => {
  it('holds every name of the package with the value its getter gave, the remembering operationFromDocument among them', () => {
    const result = runNode(['CHECK'], `
      const id = require.resolve('@apollo/federation-internals', { paths: [${JSON.stringify(gatewayDir)}] });
      const live = require(id);
      const getters = Object.values(Object.getOwnPropertyDescriptors(live)).filter((d) => d.get).length;
      require(${JSON.stringify(path.join(dist, 'preload.js'))});
      const plain = require(id);
      const names = Object.keys(live);
      const descriptors = Object.getOwnPropertyDescriptors(plain);
      console.log(JSON.stringify({
        getters,
        names: names.length,
        copied: Object.keys(plain).length,
        same: names.filter((name) => plain[name] !== live[name]),
        accessors: Object.keys(descriptors).filter((name) => !('value' in descriptors[name])),
        esModule: plain.__esModule,
        remembering: Object.getOwnPropertySymbols(plain.operationFromDocument).length > 0,
      }));`);
    expect(result.getters).toBeGreaterThan(100); // what there was to replace
    expect(result.copied).toBe(result.names);
    expect(result.same).toEqual([]);
    expect(result.accessors).toEqual([]);
    expect(result.esModule).toBe(true);
    expect(result.remembering).toBe(true);
  });

  it("is what @apollo/gateway's result shaping reads at every field", () => {
    const result = runNode(['CHECK'], `
      require(${JSON.stringify(path.join(dist, 'preload.js'))});
      const need = (name) => require(require.resolve(name, { paths: [${JSON.stringify(gatewayDir)}] }));
      const { readFileSync } = require('node:fs');
      const { parse } = need('graphql');
      const internals = need('@apollo/federation-internals');
      let asserts = 0;
      const assert = internals.assert;
      internals.assert = (...args) => { asserts++; return assert(...args); };
      const { computeResponse } = need('@apollo/gateway/dist/resultShaping');
      const schema = internals.Supergraph.build(readFileSync(${JSON.stringify(path.join(gatewayDir, '..', 'supergraph.graphql'))}, 'utf8')).apiSchema();
      const operation = internals.operationFromDocument(schema, parse('{ trainees(first: 1) { edges { node { personKey } } } }'), { validate: false });
      const input = { trainees: { edges: [{ node: { personKey: 'p1' } }] } };
      const { data } = computeResponse({ operation, variables: {}, input, introspectionHandling: () => null });
      console.log(JSON.stringify({ asserts, data }));`);
    expect(result.data).toEqual({ trainees: { edges: [{ node: { personKey: 'p1' } }] } });
    expect(result.asserts).toBeGreaterThan(0);
  });

  it("is in place before the gateway's main module loads @apollo/gateway", () => {
    // Stops the gateway's start at the moment it first asks for @apollo/gateway.
    const result = runNode(['--require', 'CHECK', path.join(dist, 'main.js')], `
      const Module = require('node:module');
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (request === '@apollo/gateway' || request.startsWith('@apollo/gateway/')) {
          const id = require.resolve('@apollo/federation-internals', { paths: [${JSON.stringify(gatewayDir)}] });
          const cached = require.cache[id];
          const assert = cached && Object.getOwnPropertyDescriptor(cached.exports, 'assert');
          console.log(JSON.stringify({ loaded: !!cached, plain: !!assert && 'value' in assert }));
          process.exit(0);
        }
        return load.call(this, request, ...rest);
      };`);
    expect(result).toEqual({ loaded: true, plain: true });
  });
});
