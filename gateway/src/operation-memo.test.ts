import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';
// What @apollo/gateway's executeQueryPlan reads at every request: the package's own exports.
import { Supergraph, operationFromDocument as viaPackage } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping';
import { rememberOperations } from './operation-memo';

const supergraphSdl = readFileSync(path.join(__dirname, '../../supergraph.graphql'), 'utf8');
const QUERY = `query Poor($region: String!, $withSupport: Boolean!) {
  trainees(filter: { regionCode: $region }, first: 2) {
    edges { node { personKey womenSupport @include(if: $withSupport) { outcome } } } } }`;

/** The operation as executeQueryPlan hands it over: a new document around the same definitions. */
const asExecuted = (document: DocumentNode) => ({ kind: Kind.DOCUMENT, definitions: [...document.definitions] }) as DocumentNode;
// Read through the package's getter at each call, as the gateway does.
const build: typeof viaPackage = (...args) => require('@apollo/federation-internals').operationFromDocument(...args);

describe("the gateway's operations remembered per schema and document", () => {
  const schema = Supergraph.build(supergraphSdl).apiSchema();
  const document = parse(QUERY);
  beforeAll(() => rememberOperations());

  it('answers the same definitions with the same Operation, as executeQueryPlan calls it', () => {
    const first = build(schema, asExecuted(document), { validate: false });
    expect(build(schema, asExecuted(document), { validate: false })).toBe(first);
    rememberOperations(); // installing twice changes nothing
    expect(build(schema, asExecuted(document), { validate: false })).toBe(first);
  });

  it('builds afresh for other definitions, another schema, and every validating call', () => {
    const first = build(schema, asExecuted(document), { validate: false });
    expect(build(schema, asExecuted(parse(QUERY)), { validate: false })).not.toBe(first);
    expect(build(Supergraph.build(supergraphSdl).apiSchema(), asExecuted(document), { validate: false })).not.toBe(first);
    expect(build(schema, document, { operationName: 'Poor' })).not.toBe(build(schema, document, { operationName: 'Poor' }));
  });

  it('shapes each answer by its own variables: a remembered Operation keeps no request in it', () => {
    const operation = build(schema, asExecuted(document), { validate: false });
    const input = { trainees: { edges: [{ node: { personKey: 'p1', womenSupport: [{ outcome: 'EMPLOYED' }] } }] } };
    const shaped = (withSupport: boolean) => computeResponse({
      operation: build(schema, asExecuted(document), { validate: false }), variables: { region: '320300', withSupport }, input: structuredClone(input), introspectionHandling: () => null,
    }).data;
    expect(shaped(true)).toEqual(input);
    expect(shaped(false)).toEqual({ trainees: { edges: [{ node: { personKey: 'p1' } }] } });
    expect(shaped(true)).toEqual(input);
    expect(build(schema, asExecuted(document), { validate: false })).toBe(operation);
  });
});
