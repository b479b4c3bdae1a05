import http from 'node:http';
import express from 'express';
import { buildSchema } from 'graphql';
import { gatewayConfigFromEnv } from './config';
import { mountBrowserPages } from './browser-pages';

/** The pages alone on an express app, as gatewayConfigFromEnv reads the environment. */
async function pages(env: NodeJS.ProcessEnv): Promise<{ base: string; close(): void }> {
  const app = express();
  mountBrowserPages(app, gatewayConfigFromEnv(env), () => buildSchema('type Query { hello: String }'));
  app.use('/graphql', (_req, res) => {
    res.json({ api: true });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => { server.closeAllConnections(); server.close(); } };
}

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('browser pages', () => {
  it('in development: the explorer for browsers at /graphql and /explorer, API clients untouched, development tokens', async () => {
    const { base, close } = await pages({});
    try {
      const page = await fetch(`${base}/graphql`, { headers: html });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/explorer/assets/explorer-');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await (await fetch(`${base}/graphql`, { headers: { accept: '*/*' } })).json()).toEqual({ api: true });
      expect(await (await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } })).json()).toEqual({ api: true });
      expect((await fetch(`${base}/explorer/`)).status).toBe(200);
      expect(await (await fetch(`${base}/explorer/schema.graphql`)).text()).toContain('hello: String');
      const token = await fetch(`${base}/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'analyst' }) });
      expect((await token.json()).token).toMatch(/^ey/);
      const refused = await fetch(`${base}/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'public' }) });
      expect(refused.status).toBe(400);
    } finally {
      close();
    }
  });

  it('serves the workbench with its content types and caching: hashed assets for a year, the page and the map revalidated', async () => {
    const { base, close } = await pages({});
    try {
      const index = await fetch(`${base}/workbench/`);
      expect(index.headers.get('content-type')).toMatch(/^text\/html/);
      expect(index.headers.get('cache-control')).toBe('no-cache');
      const script = /src="(\/workbench\/assets\/[^"]+\.js)"/.exec(await index.text())![1];
      const asset = await fetch(`${base}${script}`);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const map = await fetch(`${base}/workbench/maps/jiangsu.json`);
      expect(map.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await map.json()).features).toHaveLength(13);
    } finally {
      close();
    }
  });

  it('in production: no explorer and no development tokens unless EXPLORER=on, which turns on the explorer only', async () => {
    const off = await pages({ NODE_ENV: 'production' });
    try {
      expect((await fetch(`${off.base}/graphql`, { headers: html })).status).toBe(404);
      expect((await fetch(`${off.base}/explorer/`)).status).toBe(404);
      expect((await fetch(`${off.base}/explorer/schema.graphql`)).status).toBe(404);
      expect((await fetch(`${off.base}/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role":"admin"}' })).status).toBe(404);
      expect((await fetch(`${off.base}/workbench/`)).status).toBe(200);
    } finally {
      off.close();
    }
    const on = await pages({ NODE_ENV: 'production', EXPLORER: 'on' });
    try {
      expect((await fetch(`${on.base}/graphql`, { headers: html })).status).toBe(200);
      expect((await fetch(`${on.base}/dev-token`)).status).toBe(404);
    } finally {
      on.close();
    }
  });
});
