import { useRef, useState } from 'react';
import { TokenRefusedError } from '../api';
import { csvWriter, xlsxWriter, type ExportColumn, type ExportRow } from './export-files';

/** The most rows one export writes; beyond it the caller narrows the filter. */
export const MAX_EXPORT_ROWS = 100_000;

/** A table that can be written out whole: its columns and its rows, page by page (within the API's page cap). */
export interface ExportSource {
  fileName: string;
  columns: ExportColumn[];
  pages(signal: AbortSignal): AsyncIterable<{ rows: ExportRow[]; total: number }>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'running'; format: string; done: number; total: number }
  | { kind: 'complete'; url: string; fileName: string; rows: number }
  | { kind: 'interrupted'; reason: string; done: number; total: number };

function interruption(error: unknown): string {
  if (error instanceof DOMException && error.name === 'AbortError') return '已取消 / cancelled';
  if (error instanceof TokenRefusedError) return '令牌已过期，请输入新的令牌后重新导出 / the token expired: enter a new one and export again';
  return `出错 / failed: ${(error as Error).message}`;
}

/**
 * Export to CSV or XLSX with a progress bar and a cancel button. Pages go to the file's
 * writer as they arrive; the file is made only after the last page arrived: an export that was cancelled, lost its token or failed offers no file.
 */
export function ExportPanel({ source }: { source: ExportSource }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  async function run(format: 'csv' | 'xlsx') {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    let done = 0;
    let total = 0;
    setState({ kind: 'running', format, done: 0, total: 0 });
    try {
      const writer = await (format === 'csv' ? csvWriter : xlsxWriter)(source.columns);
      for await (const page of source.pages(abort.signal)) {
        total = page.total;
        if (total > MAX_EXPORT_ROWS) throw new Error(`${total.toLocaleString()} 行超过上限 ${MAX_EXPORT_ROWS.toLocaleString()}，请缩小筛选范围 / more rows than the limit: narrow the filter`);
        writer.add(page.rows);
        done += page.rows.length;
        setState({ kind: 'running', format, done, total });
      }
      if (abort.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      if (done !== total) throw new Error(`只收到 ${done} / ${total} 行 / received ${done} of ${total} rows`);
      const blob = await writer.file();
      if (abort.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const fileName = `${source.fileName}.${format}`;
      const url = URL.createObjectURL(blob);
      setState({ kind: 'complete', url, fileName, rows: done });
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
    } catch (error) {
      setState({ kind: 'interrupted', reason: interruption(error), done, total });
    }
  }

  const running = state.kind === 'running';
  return (
    <div className="export-panel" data-testid="export-panel">
      <button disabled={running} onClick={() => run('csv')} data-testid="export-csv">导出 CSV</button>
      <button disabled={running} onClick={() => run('xlsx')} data-testid="export-xlsx">导出 XLSX</button>
      {running && (
        <>
          <progress max={state.total || 1} value={state.done} data-testid="export-progress" />
          <span>{state.done.toLocaleString()} / {state.total ? state.total.toLocaleString() : '…'}</span>
          <button onClick={() => controller.current?.abort()} data-testid="export-cancel">取消 / cancel</button>
        </>
      )}
      {state.kind === 'complete' && (
        <span className="export-done" data-testid="export-complete">
          已导出 {state.rows.toLocaleString()} 行 / exported {state.rows.toLocaleString()} rows:{' '}
          <a href={state.url} download={state.fileName}>{state.fileName}</a>
        </span>
      )}
      {state.kind === 'interrupted' && (
        <span className="export-interrupted" role="alert" data-testid="export-interrupted">
          导出未完成，未生成文件 / export not complete, no file ({state.done.toLocaleString()} / {state.total.toLocaleString()}): {state.reason}
        </span>
      )}
    </div>
  );
}

/** A table already on screen, as one page. */
export function staticSource(fileName: string, columns: ExportColumn[], rows: ExportRow[]): ExportSource {
  return {
    fileName,
    columns,
    async *pages() {
      yield { rows, total: rows.length };
    },
  };
}
