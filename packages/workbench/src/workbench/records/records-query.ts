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
  total: number;
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

export async function fetchRecordsPage(type: RecordType, paths: string[], filter: Record<string, unknown>, first: number, after: string | null, signal?: AbortSignal): Promise<RecordsPage> {
  const query = `query WorkbenchRecords($first: Int, $after: String, $filter: ${type.filterType}) {
    ${type.field}(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${selectionFor(paths)} } } } }`;
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
  return { rows, total: connection.totalCount, endCursor: connection.pageInfo.endCursor, hasNextPage: connection.pageInfo.hasNextPage };
}

/** The API's page cap: every department refuses first > 500. */
export const API_PAGE_CAP = 500;

/** Every page of a filtered list, 500 rows a request, for an export. */
export async function* allRecordPages(type: RecordType, paths: string[], filter: Record<string, unknown>, signal: AbortSignal) {
  let after: string | null = null;
  for (;;) {
    const page: RecordsPage = await fetchRecordsPage(type, paths, filter, API_PAGE_CAP, after, signal);
    yield { rows: page.rows, total: page.total };
    if (!page.hasNextPage || !page.endCursor) return;
    after = page.endCursor;
  }
}
