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
      const html = await index.text();
      const script = /src="(\/workbench\/assets\/[^"]+\.js)"/.exec(html)![1];
      // The workbench's frame (React and the views' tabs): a module of the first view, preloaded by the page.
      const frame = /href="(\/workbench\/assets\/chunks\/app-[^"]+\.js)"/.exec(html)![1];
      const asset = await fetch(`${base}${script}`);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      // The build's brotli and gzip copies, to a browser that accepts them; the same bytes once decoded.
      const identity = Buffer.from(await (await fetch(`${base}${frame}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
      for (const encoding of ['br', 'gzip']) {
        const compressed = await fetch(`${base}${frame}`, { headers: { 'accept-encoding': encoding } });
        expect([encoding, compressed.headers.get('content-encoding')]).toEqual([encoding, encoding]);
        expect(compressed.headers.get('content-type')).toMatch(/javascript/);
        expect(compressed.headers.get('vary')).toMatch(/accept-encoding/i);
        expect(compressed.headers.get('cache-control')).toContain('immutable');
        expect(Number(compressed.headers.get('content-length'))).toBeLessThan(identity.length / 2);
        expect(Buffer.from(await compressed.arrayBuffer()).equals(identity)).toBe(true); // fetch decodes it
      }
      const page = await fetch(`${base}/workbench/`, { headers: { 'accept-encoding': 'br' } });
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      // The first view's modules are asked for at once, not found one import after another.
      expect((await page.text()).match(/rel="modulepreload"/g)?.length).toBeGreaterThan(1);
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
