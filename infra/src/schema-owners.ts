import { Kind, parse, type DefinitionNode } from 'graphql';

/**
 * Who owns what, read from the subgraph SDLs: the departments defining each type and each
 * field (a field a department only references with @external is not its own).
 */
export class SchemaOwners {
  private readonly types = new Map<string, Set<string>>();
  private readonly fields = new Map<string, Set<string>>();

  constructor(sdlsByDepartment: Array<Record<string, string | undefined>>) {
    for (const sdls of sdlsByDepartment) {
      for (const [department, sdl] of Object.entries(sdls)) if (sdl) this.add(department, sdl);
    }
  }

  private add(department: string, sdl: string): void {
    for (const definition of parse(sdl).definitions) {
      const named = definition as DefinitionNode & { name?: { value: string }; fields?: readonly any[]; values?: readonly any[] };
      if (!named.name || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
      const type = named.name.value;
      add(this.types, type, department);
      for (const field of named.fields ?? []) {
        if (field.directives?.some((d: any) => d.name.value === 'external')) continue;
        add(this.fields, `${type}.${field.name.value}`, department);
      }
      for (const value of named.values ?? []) add(this.fields, `${type}.${value.name.value}`, department);
    }
  }

  /** The owners of a schema coordinate such as `Region.storyCount`, `Query.trainees.filter` or `Trainee`. */
  ownersOf(coordinate: string): string[] {
    const [type, field] = coordinate.split('.');
    const owners = (field && this.fields.get(`${type}.${field}`)) || this.types.get(type);
    return owners ? [...owners].sort() : [];
  }
}

function add(map: Map<string, Set<string>>, key: string, department: string): void {
  if (!map.has(key)) map.set(key, new Set());
  map.get(key)!.add(department);
}
