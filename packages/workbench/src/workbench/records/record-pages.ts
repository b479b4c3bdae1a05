import { graphqlData } from '../api';
import type { ExportRow } from '../export/export-files';
import { fetchRecordsPage, NOT_AVAILABLE } from './records-query';
import type { RecordType } from './record-types';

/** The API's page cap: every department refuses first > 500. */
export const API_PAGE_CAP = 500;
/** Full pages an export keeps in flight: the departments work on several while the page waits for one. */
export const PAGES_IN_FLIGHT = 3;

/** Where one page starts and ends, learned before its rows are asked for. */
interface PageBounds {
  after: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * The list's pages as bounds, one lean request each: only `pageInfo` (and the total, on the
 * first), no columns, so no other department is asked and the walk runs well ahead of the
 * full pages. Pages are keyset pages, so a page's start is the previous page's end cursor.
 */
async function* pageBounds(type: RecordType, filter: Record<string, unknown>, signal: AbortSignal, onTotal: (total: number) => void): AsyncGenerator<PageBounds> {
  const query = (withTotal: boolean) => `query WorkbenchRecordPages($first: Int, $after: String, $filter: ${type.filterType}) {
    ${type.field}(first: $first, after: $after, filter: $filter) { ${withTotal ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor } } }`;
  type Answer = Record<string, { totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>;
  let after: string | null = null;
  for (let first = true; ; first = false) {
    const answer: Answer = await graphqlData<Answer>(query(first), { first: API_PAGE_CAP, after, filter }, signal);
    const connection = answer[type.field];
    if (first) onTotal(connection.totalCount ?? 0);
    yield { after, endCursor: connection.pageInfo.endCursor, hasNextPage: connection.pageInfo.hasNextPage };
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}

/**
 * The chosen columns the caller's role may not read. Access is granted per role and field,
 * never per record (docs/ACCESS.md): a field refused on one record is refused on all, so one
 * record tells, and the export's pages need not ask 100,000 times for a refusal.
 */
async function refusedColumns(type: RecordType, paths: string[], filter: Record<string, unknown>, signal: AbortSignal): Promise<string[]> {
  const probe = await fetchRecordsPage(type, paths, filter, 1, null, signal, false);
  const row = probe.rows[0];
  return row ? paths.filter((path) => row[path] === NOT_AVAILABLE) : [];
}

/** The records changed between learning a page's bounds and reading its rows: the export would repeat or miss rows. */
export class RecordsChangedError extends Error {
  constructor() {
    super('导出期间记录发生变化，请重新导出 / the records changed during the export: export again');
  }
}

/**
 * Every page of a filtered list, in the list's order, for an export: up to PAGES_IN_FLIGHT
 * full pages (500 rows each, the API's cap) are asked for at once, at the bounds a lean walk
 * found; each arrives checked against its bounds, so no row is repeated or missed. Columns
 * the role may not read are marked so in every row without being asked for again.
 */
export async function* allRecordPages(type: RecordType, paths: string[], filter: Record<string, unknown>, signal: AbortSignal): AsyncGenerator<{ rows: ExportRow[]; total: number }> {
  const refused = await refusedColumns(type, paths, filter, signal);
  const asked = paths.filter((path) => !refused.includes(path));
  let total = 0;
  const bounds = pageBounds(type, filter, signal, (t) => (total = t));
  const inFlight: Promise<ExportRow[]>[] = [];
  let walked = false;
  const fill = async () => {
    while (!walked && inFlight.length < PAGES_IN_FLIGHT) {
      const next = await bounds.next();
      if (next.done) {
        walked = true;
        return;
      }
      const page = next.value;
      const rows = fetchRecordsPage(type, asked, filter, API_PAGE_CAP, page.after, signal, false).then((full) => {
        if (full.endCursor !== page.endCursor || full.hasNextPage !== page.hasNextPage) throw new RecordsChangedError();
        for (const row of full.rows) for (const path of refused) row[path] = NOT_AVAILABLE;
        return full.rows;
      });
      rows.catch(() => undefined); // awaited in order below; an earlier failure must not leave this one unhandled
      inFlight.push(rows);
    }
  };
  await fill();
  while (inFlight.length) {
    const rows = await inFlight.shift()!;
    await fill();
    yield { rows, total };
  }
}
