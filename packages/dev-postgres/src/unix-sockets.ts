/**
 * Whether same-machine connections go over Unix sockets (`npm start`, the test stacks, the
 * benches and the tests' PostgreSQL): on unless UNIX_SOCKETS is off (or false, 0, no), which
 * keeps every connection on TCP as before the sockets.
 */
export function unixSocketsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(off|false|0|no)$/i.test(env.UNIX_SOCKETS?.trim() ?? '');
}
