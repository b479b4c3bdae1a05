import {
  Kind, parse, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode,
} from 'graphql';

export type ResponsePath = Array<string | number>;

/** More paths than this on one failed fetch are summed up in one count. */
export const MAX_PATHS_PER_FETCH = 100;

function fieldsOf(
  selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, typename?: string,
): FieldNode[] {
  const matches = (condition?: string) => !condition || !typename || condition === typename;
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return matches(selection.typeCondition?.name.value) ? fieldsOf(selection.selectionSet, fragments, typename) : [];
    }
    const fragment = fragments.get(selection.name.value);
    return fragment && matches(fragment.typeCondition.name.value) ? fieldsOf(fragment.selectionSet, fragments, typename) : [];
  });
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * The fields a department's operation would have filled, as paths in that operation's own
 * answer: `["womenSupportCases"]` for a root field, `["_entities", 3, "stories"]` for an
 * entity field. When the department does not answer, the gateway reports its error at each
 * of these paths, and @apollo/gateway turns them into paths in the client's answer (the
 * entity index becomes e.g. `["trainees", "edges", 3, "node", "stories"]`), so a client sees
 * which fields are null because of which department. (An error thrown by a data source has
 * no path at all.)
 */
export function fieldsLeftNull(operation: DocumentNode | string, variables?: Record<string, unknown>): ResponsePath[] {
  const document = typeof operation === 'string' ? parse(operation) : operation;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!root) return [];
  const paths: ResponsePath[] = [];
  for (const field of fieldsOf(root.selectionSet, fragments)) {
    const representations = variables?.representations;
    if (field.name.value === '_entities' && field.selectionSet && Array.isArray(representations)) {
      representations.forEach((representation: { __typename?: string }, index) => {
        for (const entityField of fieldsOf(field.selectionSet!, fragments, representation?.__typename)) {
          paths.push([responseKey(field), index, responseKey(entityField)]);
        }
      });
    } else {
      paths.push([responseKey(field)]);
    }
  }
  return paths;
}
