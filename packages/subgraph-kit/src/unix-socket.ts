import type http from 'node:http';
import net from 'node:net';
import { lstatSync, unlinkSync } from 'node:fs';

/**
 * A file left at the path by a process that did not stop cleanly (killed, crashed) would make
 * listen fail with EADDRINUSE: a socket file nothing answers on is removed first. Anything
 * else at the path (a live socket, a regular file) is left for listen to refuse.
 */
async function removeStaleSocket(path: string): Promise<void> {
  let isSocket = false;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return; // nothing there
  }
  if (!isSocket) return;
  const answered = await new Promise<boolean>((resolve) => {
    const probe = net.connect(path, () => { probe.destroy(); resolve(true); });
    probe.once('error', () => resolve(false));
  });
  if (!answered) unlinkSync(path);
}

/**
 * Serves `httpServer`'s requests on a Unix socket too: each connection accepted there is handed
 * to the HTTP server, which parses, times out and drains it like one on its port. Closing
 * removes the socket file (Node unlinks it), so a caller then finds the path gone.
 */
export async function listenOnSocket(httpServer: http.Server, path: string): Promise<{ close(): Promise<void> }> {
  await removeStaleSocket(path);
  const server = net.createServer((connection) => httpServer.emit('connection', connection));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    /** Stops listening at once (the file is gone on return); resolves when its last connection has closed. */
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
