import { graphql, type GraphQLError } from '../api';
import type { ExportRow } from '../export/export-files';
import { ENUM_LABELS, type RecordType } from './record-types';

/** What a cell shows when the API refused the field to the caller's role (FORBIDDEN at its path). */
export const NOT_AVAILABLE = '无权查看 / not available to your role';
/** What a cell shows when the department that owns the field did not answer. */
export const UNAVAILABLE = '暂不可用 / department unavailable';

/** The selection set for the chosen dotted paths, merged into one tree: `ventures.name`, `ventures.park.name` → `ventures { name park { name } }`. */
export function selectionFor(paths: string[]): string {
  const tree: Record<string, unknown> = {};
  for (const path of ['id', ...paths]) {
    let node = tree;
    for (const part of path.split('.')) node = (node[part] ??= {}) as Record<string, unknown>;
  }
  const print = (node: Record<string, unknown>): string =>
    Object.entries(node).map(([name, children]) => (Object.keys(children as object).length ? `${name} { ${print(children as Record<string, unknown>)} }` : name)).join(' ');
  return print(tree);
}

function valueAt(node: unknown, parts: string[]): unknown {
  if (node === null || node === undefined) return null;
  if (Array.isArray(node)) {
    const values = node.map((item) => valueAt(item, parts)).filter((v) => v !== null && v !== '');
    return values.length ? values.join('; ') : '';
  }
  if (!parts.length) return node;
  return valueAt((node as Record<string, unknown>)[parts[0]], parts.slice(1));
}

export interface RecordsPage {
  rows: ExportRow[];
  /** The filter's total; null when the request left it out. */
  total: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * Cells the API left empty with an error: the error's path names the row (edges[i]) and the
 * field; every chosen column at or under that field shows why, instead of a blank or a crash.
 */
function markRefusedCells(rows: ExportRow[], paths: string[], errors: GraphQLError[]): void {
  for (const error of errors) {
    const path = error.path ?? [];
    if (path[1] !== 'edges' || typeof path[2] !== 'number' || path[3] !== 'node') continue;
    const field = path.slice(4).filter((p) => typeof p === 'string').join('.');
    const text = error.extensions?.code === 'FORBIDDEN' ? NOT_AVAILABLE : UNAVAILABLE;
    const row = rows[path[2]];
    if (!row) continue;
    for (const column of paths) if (column === field || column.startsWith(`${field}.`)) row[column] = text;
  }
}

/**
 * One page of a list with the chosen columns. `withTotal: false` leaves out `totalCount` (a
 * count statement in the department) for an export's pages, which learn the total once.
 */
export async function fetchRecordsPage(type: RecordType, paths: string[], filter: Record<string, unknown>, first: number, after: string | null, signal?: AbortSignal, withTotal = true): Promise<RecordsPage> {
  const query = `query WorkbenchRecords($first: Int, $after: String, $filter: ${type.filterType}) {
    ${type.field}(first: $first, after: $after, filter: $filter) { ${withTotal ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor } edges { node { ${selectionFor(paths)} } } } }`;
  const answer = await graphql<Record<string, { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: unknown }[] } | null>>(query, { first, after, filter }, signal);
  const connection = answer.data?.[type.field];
  if (!connection) {
    const reasons = answer.errors.map((e) => `${e.extensions?.code ?? ''}: ${e.message}`).join('; ');
    throw new Error(reasons || 'no data');
  }
  const rows = connection.edges.map(({ node }) => {
    const row: ExportRow = {};
    for (const path of paths) {
      const parts = path.split('.');
      const value = valueAt(node, parts);
      // Enum values as the Chinese label (MIGRANT_WORKER → 返乡农民工), on screen and in exports alike.
      const label = typeof value === 'string' ? ENUM_LABELS[parts[parts.length - 1]]?.[value] : undefined;
      row[path] = label ?? (value === undefined ? null : (value as ExportRow[string]));
    }
    return row;
  });
  markRefusedCells(rows, paths, answer.errors);
  return { rows, total: withTotal ? connection.totalCount : null, endCursor: connection.pageInfo.endCursor, hasNextPage: connection.pageInfo.hasNextPage };
}
