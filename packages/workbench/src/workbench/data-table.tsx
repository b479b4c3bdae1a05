import { useState, type ReactNode } from 'react';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useLabels } from './labels-context';

/** A column: Chinese label first, the API's field name beside it (shown or as a tooltip). */
export interface TableColumn<Row> {
  id: string;
  zh: string;
  en: string;
  value: (row: Row) => string | number | boolean | null;
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
}

export function ColumnLabel({ zh, en }: { zh: string; en: string }) {
  const { showFieldNames } = useLabels();
  return (
    <span title={en}>
      {zh}
      {showFieldNames && <span className="field-name">{en}</span>}
    </span>
  );
}

/** A table sortable by any column (TanStack Table); rows keep the order the API gave until a header is clicked. */
export function DataTable<Row>({ rows, columns, testId, sortable = true, rowKey }: { rows: Row[]; columns: TableColumn<Row>[]; testId?: string; sortable?: boolean; rowKey?: (row: Row) => string }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const defs: ColumnDef<Row>[] = columns.map((c) => ({
    id: c.id,
    accessorFn: (row) => c.value(row),
    header: () => <ColumnLabel zh={c.zh} en={c.en} />,
    cell: (info) => (c.render ? c.render(info.row.original) : String(info.getValue() ?? '—')),
    sortUndefined: 'last',
    enableSorting: sortable,
  }));
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  data-column={header.column.id}
                  onClick={header.column.getToggleSortingHandler()}
                  className={header.column.getCanSort() ? 'sortable' : undefined}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  {{ asc: ' ▲', desc: ' ▼' }[header.column.getIsSorted() as string] ?? ''}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-row={rowKey?.(row.original)}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} data-column={cell.column.id} className={columns.find((c) => c.id === cell.column.id)?.numeric ? 'num' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
