import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType, parse, validate, visit, visitWithTypeInfo, TypeInfo, type GraphQLSchema,
} from 'graphql';
import { composeSdls } from './compose';
import { SchemaOwners } from './schema-owners';
import type { RecordedOperation } from './schema-files';

export interface SchemaCheckInput {
  /** The committed supergraph.graphql: what front ends were promised. */
  committedSupergraph: string;
  /** The committed subgraph SDLs, to attribute removed fields to the department that had them. */
  committedSubgraphSdls: Record<string, string | undefined>;
  /** The SDLs being checked: the code's, or a proposed change. */
  subgraphSdls: Record<string, string>;
  operations: RecordedOperation[];
}

export interface AttributedChange {
  departments: string[];
  coordinate: string;
  message: string;
  /** Recorded operations using the changed coordinate. */
  operations: string[];
}

export interface SchemaCheckResult {
  ok: boolean;
  compositionErrors: string[];
  breaking: AttributedChange[];
  dangerous: AttributedChange[];
  invalidOperations: Array<{ file: string; errors: string[] }>;
  operationCount: number;
  report: string;
}

/** The API schema of a supergraph: what clients see, without federation's join__ and link__ internals. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The schema coordinates an operation touches: Type.field, Type.field.argument, Enum.VALUE, input fields. */
export function coordinatesUsed(schema: GraphQLSchema, source: string): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(parse(source), visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (parent) used.add(`${parent.name}.${node.name.value}`);
    },
    Argument(node) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (parent && field) used.add(`${parent.name}.${field.name}.${node.name.value}`);
    },
    ObjectField(node) {
      const input = typeInfo.getParentInputType();
      if (input) used.add(`${getNamedType(input).name}.${node.name.value}`);
    },
    EnumValue(node) {
      const type = typeInfo.getInputType();
      if (type) used.add(`${getNamedType(type).name}.${node.value}`);
    },
    NamedType(node) {
      used.add(node.name.value);
    },
  }));
  return used;
}

function attribute(change: Change, owners: SchemaOwners, usage: Map<string, Set<string>>): AttributedChange {
  const coordinate = change.path ?? '';
  const operations = [...usage].filter(([, used]) =>
    used.has(coordinate) || [...used].some((c) => c.startsWith(`${coordinate}.`))).map(([file]) => file);
  return { departments: owners.ownersOf(coordinate), coordinate, message: change.message, operations };
}

/**
 * Composes the given subgraphs, diffs the new API schema against the committed one with
 * graphql-inspector, names the department owning each breaking or dangerous change and the
 * recorded operations it touches, and validates every recorded operation against the new API.
 */
export async function checkSchema(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const composition = composeSdls(input.subgraphSdls, {});
  const empty = { breaking: [], dangerous: [], invalidOperations: [], operationCount: input.operations.length };
  if (!composition.supergraphSdl) {
    const report = ['The subgraphs do not compose:', ...composition.errors.map((e) => `  - ${e}`)].join('\n');
    return { ok: false, compositionErrors: composition.errors, ...empty, report };
  }
  const before = apiSchemaOf(input.committedSupergraph);
  const after = apiSchemaOf(composition.supergraphSdl);
  const owners = new SchemaOwners([input.subgraphSdls, input.committedSubgraphSdls]);
  const usage = new Map(input.operations.map((op) => [op.file, coordinatesUsed(before, op.source)]));

  const changes = await diff(before, after);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).map((c) => attribute(c, owners, usage));
  const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous).map((c) => attribute(c, owners, usage));
  const invalidOperations = input.operations
    .map((op) => ({ file: op.file, errors: validate(after, parse(op.source)).map((e) => e.message) }))
    .filter((op) => op.errors.length > 0);
  const ok = breaking.length === 0 && invalidOperations.length === 0;
  const result = { ok, compositionErrors: [], breaking, dangerous, invalidOperations, operationCount: input.operations.length };
  return { ...result, report: formatReport(result) };
}

function describe(change: AttributedChange): string[] {
  const who = change.departments.length ? change.departments.join(', ') : 'composition';
  const lines = [`  ${who}: ${change.message} (${change.coordinate})`];
  if (change.operations.length) lines.push(`    used by operations: ${change.operations.join(', ')}`);
  return lines;
}

function formatReport(result: Omit<SchemaCheckResult, 'report'>): string {
  const lines: string[] = [];
  if (result.breaking.length) {
    lines.push(`${result.breaking.length} breaking change(s) against the committed supergraph.graphql:`);
    for (const change of result.breaking) lines.push(...describe(change));
  }
  if (result.dangerous.length) {
    lines.push(`${result.dangerous.length} dangerous change(s) (clients may behave differently):`);
    for (const change of result.dangerous) lines.push(...describe(change));
  }
  if (result.invalidOperations.length) {
    lines.push(`${result.invalidOperations.length} of ${result.operationCount} recorded operation(s) fail against the new schema:`);
    for (const op of result.invalidOperations) lines.push(`  ${op.file}: ${op.errors.join('; ')}`);
  }
  if (result.ok) {
    lines.push(`no breaking changes; ${result.operationCount} operations valid`);
  } else {
    lines.push('If the change is intended, agree it with the front ends, update operations/ and run npm run schema:update.');
  }
  return lines.join('\n');
}
