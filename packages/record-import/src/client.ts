import { Readable } from 'node:stream';
import type { ImportCounts } from './runner';
import type { Rejection } from './report';

export interface ImportAnswer {
  /** HTTP status: 200 when the rows were read, 400 refused before any row, 401/403/404. */
  status: number;
  /** The final counts; absent when refused or stopped. */
  counts?: ImportCounts;
  /** Why the file was refused, or why the import stopped part-way. */
  error?: string;
}

export interface SendOptions {
  token?: string;
  onRejected?(rejection: Rejection): void;
  onProgress?(counts: ImportCounts): void;
}

/**
 * Sends a file to a department's POST /import/<record type> as a stream and follows the
 * streamed answer line by line: the client of the endpoint, for the CLI, tests and benchmark.
 */
export async function sendImport(url: string, body: Readable | Buffer, options: SendOptions = {}): Promise<ImportAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: Buffer.isBuffer(body) ? body : (Readable.toWeb(body) as ReadableStream),
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 200) {
    const text = await response.text();
    let error = text;
    try {
      error = JSON.parse(text).error ?? text;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, error };
  }
  const answer: ImportAnswer = { status: 200 };
  let pending = '';
  const decoder = new TextDecoder();
  const handle = (line: string) => {
    if (!line) return;
    const message = JSON.parse(line);
    if (message.rejected) options.onRejected?.(message.rejected);
    else if (message.progress) options.onProgress?.(message.progress);
    else if (message.done) answer.counts = message.done;
    else if (message.error) answer.error = message.error;
  };
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    lines.forEach(handle);
  }
  handle(pending);
  if (!answer.counts && !answer.error) answer.error = 'the connection ended before the import finished';
  return answer;
}

/** The command's last line. */
export function summary(counts: ImportCounts, reportPath: string): string {
  return `imported ${counts.imported}, unchanged ${counts.unchanged}, rejected ${counts.rejected} (report: ${reportPath})`;
}
