import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Viewer } from '@rg/access';
import { checkRoles } from './auth-checker';

/**
 * Plain fields (a column, a getter) of types whose fields carry `@Authorized` — a person's
 * record has it on the whole class — checked and read synchronously. type-graphql runs every
 * such field through its middleware chain, which awaits the auth checker and the next step:
 * several promises for each scalar of each record, and a page of 500 trainees with their
 * loans and enrolments has thousands of them. The rule is the same one (`checkRoles`
 * with the roles type-graphql derived for the field); a refusal is the same FORBIDDEN error
 * on that field alone, thrown instead of rejected.
 *
 * Only fields type-graphql would resolve as `root[property]` behind nothing but the auth
 * check are replaced: a field with a resolver method, another middleware, or no roles keeps
 * the resolver type-graphql built. Run on the schema type-graphql built, before its
 * resolvers are taken into the subgraph schema. Returns the fields replaced ("Type.field").
 */
export function checkPlainFieldRolesSynchronously(schema: GraphQLSchema): string[] {
  const replaced: string[] = [];
  const metadata = getMetadataStorage();
  const resolvedByMethod = new Map<Function, Set<string>>();
  for (const resolver of metadata.fieldResolvers) {
    const owner = resolver.getObjectType?.();
    if (!owner) continue;
    if (!resolvedByMethod.has(owner)) resolvedByMethod.set(owner, new Set());
    resolvedByMethod.get(owner)!.add(resolver.methodName);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = type.getFields();
    const objectType = classOf(type.name, Object.keys(fields), metadata.objectTypes);
    if (!objectType) continue;
    for (const field of objectType.fields ?? []) {
      const target = fields[field.schemaName];
      const roles = field.roles;
      if (!target?.resolve || !roles || field.middlewares?.length || field.params?.length) continue;
      if (resolvedByMethod.get(objectType.target)?.has(field.name)) continue;
      const property = field.name;
      const resolve: GraphQLFieldResolver<Record<string, unknown>, { viewer: Viewer }> = (root, args, context, info) => {
        checkRoles({ root, args, context, info }, roles);
        return root[property];
      };
      target.resolve = resolve;
      replaced.push(`${type.name}.${target.name}`);
    }
  }
  return replaced;
}

type ObjectTypeMetadata = ReturnType<typeof getMetadataStorage>['objectTypes'][number];

/**
 * The class a schema type was built from. Classes of one name exist in several departments
 * (each has its own `Trainee`), and a process may have loaded more than one department: of
 * those named so, the one whose fields are exactly the type's. None or several: the type
 * keeps type-graphql's resolvers.
 */
function classOf(name: string, fieldNames: string[], objectTypes: ObjectTypeMetadata[]): ObjectTypeMetadata | undefined {
  const named = objectTypes.filter((objectType) => objectType.name === name);
  const wanted = [...fieldNames].sort().join(',');
  const exact = named.filter((objectType) => (objectType.fields ?? []).map((field) => field.schemaName).sort().join(',') === wanted);
  return exact.length === 1 ? exact[0] : undefined;
}
