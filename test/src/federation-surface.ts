import {
  parse, Kind, type DocumentNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode, type TypeNode,
  type FieldDefinitionNode, type StringValueNode,
} from 'graphql';
import { printDepartmentSdl } from '@rg/subgraph-kit';
import { departments } from '@rg/infra';

/**
 * What each department exposes on the federation channel, read from the SDL the gateway
 * composes (not from the guard's own code), so a new entity type or a new @inaccessible or
 * @requires field is probed without anyone editing the tests.
 */
export interface Probe {
  /** e.g. "_entities Scorecard", "scorecard { traineeKeySet }". */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface DepartmentSurface {
  department: string;
  entityTypes: string[];
  channelFields: string[];
  probes: Probe[];
  /** A signed `_entities` request per entity type, with the values of a record that exists. */
  entityRequests: Array<Probe & { type: string }>;
}

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const hasDirective = (node: { directives?: readonly { name: { value: string } }[] }, name: string) =>
  (node.directives ?? []).some((d) => d.name.value === name);

/** A value for a key field or an argument that names a record of the demo province. */
export type SampleValues = (field: string, type: string) => unknown;

function objectTypes(document: DocumentNode): ObjectNode[] {
  return document.definitions.filter((d): d is ObjectNode =>
    d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION);
}

function representation(type: ObjectNode, sample: SampleValues): Record<string, unknown> {
  const key = type.directives!.find((d) => d.name.value === 'key')!;
  const fields = (key.arguments!.find((a) => a.name.value === 'fields')!.value as StringValueNode).value.split(/\s+/);
  const representation: Record<string, unknown> = { __typename: type.name.value };
  for (const name of fields) {
    const field = type.fields!.find((f) => f.name.value === name)!;
    representation[name] = sample(name, namedType(field.type));
  }
  return representation;
}

/** A root field of Query returning `type` whose required arguments are all scalars, called with sample values. */
function rootPathTo(query: ObjectNode | undefined, type: string, sample: SampleValues): string | undefined {
  const field = query?.fields?.find((f: FieldDefinitionNode) => namedType(f.type) === type &&
    (f.arguments ?? []).every((a) => a.type.kind !== Kind.NON_NULL_TYPE || ['ID', 'Int', 'String'].includes(namedType(a.type))));
  if (!field) return undefined;
  const args = (field.arguments ?? []).filter((a) => a.type.kind === Kind.NON_NULL_TYPE)
    .map((a) => `${a.name.value}: ${JSON.stringify(sample(a.name.value, namedType(a.type)))}`);
  return `${field.name.value}${args.length ? `(${args.join(', ')})` : ''}`;
}

export async function departmentSurfaces(sample: SampleValues): Promise<DepartmentSurface[]> {
  return Promise.all(departments.map(async (department) => {
    const document = parse(await printDepartmentSdl(department.subgraph.schema));
    const types = objectTypes(document);
    const entities = types.filter((t) => hasDirective(t, 'key'));
    const query = types.find((t) => t.name.value === 'Query');
    const entitiesQuery = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
    const entityRequests = entities.map((t) => {
      const { __typename, ...key } = representation(t, sample);
      return {
        type: t.name.value,
        name: `_entities ${t.name.value}`,
        query: entitiesQuery(`__typename ... on ${t.name.value} { ${Object.keys(key).join(' ')} }`),
        variables: { r: [{ __typename, ...key }] },
      };
    });
    const channelFields: string[] = [];
    const probes: Probe[] = [...entityRequests.map(({ name, query: q, variables }) => ({ name, query: q, variables })),
      { name: '_service', query: '{ _service { sdl } }' }];
    for (const type of types) {
      for (const field of type.fields ?? []) {
        if (!hasDirective(field, 'inaccessible') && !hasDirective(field, 'requires')) continue;
        const coordinate = `${type.name.value}.${field.name.value}`;
        channelFields.push(coordinate);
        const root = rootPathTo(query, type.name.value, sample);
        if (root) probes.push({ name: `${root} { ${field.name.value} }`, query: `{ ${root} { ${field.name.value} } }` });
        // Through a named fragment as well, the shape the gateway's own queries take.
        if (root) probes.push({ name: `${coordinate} in a fragment`, query: `{ ${root} { ...F } } fragment F on ${type.name.value} { ${field.name.value} }` });
        if (hasDirective(type, 'key')) {
          probes.push({ name: `_entities ${coordinate}`, query: entitiesQuery(`... on ${type.name.value} { ${field.name.value} }`), variables: { r: [representation(type, sample)] } });
        }
      }
    }
    return { department: department.name, entityTypes: entities.map((t) => t.name.value), channelFields, probes, entityRequests };
  }));
}
