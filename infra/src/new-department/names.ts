/** The spellings of a new department's name in code, SQL and the schema. */
export interface DepartmentNames {
  /** kebab-case: the manifest, the role, the directory (e.g. civil-affairs). */
  name: string;
  /** PascalCase for classes and types (CivilAffairs). */
  pascal: string;
  /** camelCase for fields and queries (civilAffairs). */
  camel: string;
  /** snake_case for tables and the database (civil_affairs). */
  snake: string;
}

export const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function namesOf(name: string): DepartmentNames {
  const words = name.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return { name, pascal, camel: pascal[0].toLowerCase() + pascal.slice(1), snake: words.join('_') };
}
