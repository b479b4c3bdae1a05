import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { roleAuthChecker } from './auth-checker';
import { checkPlainFieldRolesSynchronously } from './sync-role-checks';
import { auditReadsOf } from '@rg/audit';
import { validateInput } from '@rg/input-validation';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export type ReferenceResolvers = Record<string, Record<string, (...args: any[]) => unknown>>;

export interface SchemaOptions {
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  /** Personal-record types this department audits reads of, and the property naming a record. */
  auditedTypes?: Record<string, string>;
}

function merge(target: Record<string, any>, source: ReferenceResolvers): Record<string, any> {
  for (const [type, fields] of Object.entries(source)) target[type] = { ...(target[type] ?? {}), ...fields };
  return target;
}

/** type-graphql classes → a Federation 2 subgraph schema with the department's reference resolvers. */
export async function buildDepartmentSchema(options: SchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: roleAuthChecker,
    authMode: 'error',
    validateFn: validateInput,
    skipCheck: true,
  });
  checkPlainFieldRolesSynchronously(schema);
  const subgraph = buildSubgraphSchema({
    typeDefs: gql`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`,
    resolvers: merge(createResolversMap(schema) as Record<string, any>, options.referenceResolvers ?? {}),
  });
  return options.auditedTypes ? auditReadsOf(subgraph, options.auditedTypes) : subgraph;
}

/** The subgraph's SDL as the gateway sees it, for composition checks. */
export async function printDepartmentSdl(options: SchemaOptions): Promise<string> {
  return printSubgraphSchema(await buildDepartmentSchema(options));
}
