import path from 'node:path';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { printSchema, type GraphQLSchema } from 'graphql';
import { publicDir } from '@rg/workbench';
import { ROLES, isRole, signToken } from '@rg/access';
import type { GatewayConfig } from './config';

/** Content-hashed bundles never change under their name; index pages and the map are checked on every load. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything a page may load comes from this gateway: the browser refuses any other host. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The XLSX writer zips in a worker it makes from its own code (a blob: URL), not from elsewhere.
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The build writes a brotli and a gzip copy beside each text asset: a browser that accepts
 * one gets it (Content-Encoding, Vary), with the original's content type; the rest get the
 * file itself. Nothing is compressed per request.
 */
function staticPages(dir: string): express.Handler {
  return expressStaticGzip(dir, {
    index: 'index.html',
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    serveStatic: {
      redirect: true,
      setHeaders(res, file) {
        res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache');
      },
    },
  }) as express.Handler;
}

/** A browser navigating to /graphql asks for HTML first; API clients ask for JSON (or anything). */
function wantsHtml(req: express.Request): boolean {
  return req.method === 'GET' && req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/**
 * The analysts' pages, all served from this gateway (no other host): the workbench at
 * /workbench/, and the GraphiQL explorer at /explorer and for a browser's GET /graphql (in
 * development; in production only with EXPLORER=on), in place of Apollo's landing page, which
 * loads from a CDN. In development, POST /dev-token signs a token for a role, so the signing
 * secret stays on the server; production answers 404.
 */
export function mountBrowserPages(app: express.Express, config: GatewayConfig, schema: () => GraphQLSchema | undefined): void {
  const explorerDir = path.join(publicDir, 'explorer');
  app.use('/workbench', staticPages(path.join(publicDir, 'workbench')));

  const explorerOff: express.Handler = (_req, res) => {
    res.status(404).type('text/plain').send('The explorer is off in production; the operator turns it on with EXPLORER=on.');
  };
  const explorerPage: express.Handler = (_req, res) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(explorerDir, 'index.html'));
  };
  app.get('/graphql', (req, res, next) => {
    if (!wantsHtml(req)) return next();
    (config.explorer ? explorerPage : explorerOff)(req, res, next);
  });
  if (!config.explorer) {
    app.use('/explorer', explorerOff);
  } else {
    app.get('/explorer/schema.graphql', (_req, res) => {
      const served = schema();
      if (!served) return res.status(503).type('text/plain').send('the supergraph is not loaded yet');
      res.type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-cache').send(printSchema(served));
    });
    app.use('/explorer', staticPages(explorerDir));
  }

  if (config.production) return;
  app.get('/dev-token', (_req, res) => {
    res.json({ roles: ROLES });
  });
  app.post('/dev-token', express.json({ limit: 1024 }), async (req, res) => {
    const role = req.body?.role;
    if (!isRole(role)) return res.status(400).json({ error: `role must be one of ${ROLES.join(', ')}` });
    res.json({ role, token: await signToken(role, { subject: `${role}-browser-dev-user` }) });
  });
}
