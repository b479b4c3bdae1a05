/**
 * Reads `strace -e trace=connect` output and sorts every connect() into loopback and the
 * rest. Unix sockets are local by nature; a connection to port 53, even to a resolver on
 * loopback, is a name lookup and so the first step of a call out.
 */
export interface ConnectReport {
  loopback: number;
  outside: string[];
}

const INET = /sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([\d.]+)"\)/;
const INET6 = /sa_family=AF_INET6, sin6_port=htons\((\d+)\),.*?inet_pton\(AF_INET6, "([^"]+)"/;

function isLoopback(address: string): boolean {
  if (address.startsWith('127.')) return true;
  if (address === '::1') return true;
  return /^::ffff:127\./i.test(address);
}

export function classifyConnects(trace: string): ConnectReport {
  const report: ConnectReport = { loopback: 0, outside: [] };
  for (const line of trace.split('\n')) {
    if (!line.includes('connect(')) continue;
    const match = line.match(INET) ?? line.match(INET6);
    if (!match) continue; // AF_UNIX, AF_NETLINK, AF_UNSPEC (a UDP socket's disconnect): nothing leaves the machine
    const [, port, address] = match;
    if (isLoopback(address) && port !== '53') report.loopback++;
    else report.outside.push(line.trim());
  }
  return report;
}
