import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@rg/observability';
import { subgraphReachability, waitForSubgraphs } from './subgraph-health';

/** A stand-in department whose /ready starts answering only after `lateMs`. */
async function lateDepartment(lateMs: number) {
  const readyAt = Date.now() + lateMs;
  const server = http.createServer((req, res) => {
    res.statusCode = req.url === '/ready' && Date.now() >= readyAt ? 200 : 503;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const logger = createLogger('test');

describe('composition at start-up waits for late departments', () => {
  it('resolves once a late department answers', async () => {
    const late = await lateDepartment(1200);
    const began = Date.now();
    await waitForSubgraphs([{ name: 'hr', url: late.url }], logger, 10_000);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1000);
    await late.close();
  });

  it('names the departments still missing when it gives up', async () => {
    const never = await lateDepartment(60_000);
    await expect(waitForSubgraphs([{ name: 'poverty', url: never.url }], logger, 700)).rejects.toThrow(/poverty/);
    expect(await subgraphReachability([{ name: 'poverty', url: never.url }])).toEqual({ poverty: 'unreachable' });
    await never.close();
  });
});
