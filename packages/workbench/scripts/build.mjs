// Bundles the explorer and the workbench for the browser into dist/public/<page>/ (index.html +
// content-hashed assets) and compiles the package's Node entry. Everything a page loads comes
// from the gateway itself: the build fails if a stylesheet would fetch anything from another host.
import { build } from 'esbuild';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const repo = path.resolve(root, '../..');
const dist = path.join(root, 'dist');
const require = createRequire(import.meta.url);
rmSync(dist, { recursive: true, force: true });

// The README's example queries (operations/readme-*.graphql) become the explorer's saved tabs.
function savedQueries() {
  const dir = path.join(repo, 'operations');
  // In the README's order: each file's first line is its heading there ("# 1. Xuzhou's 2019 scorecard …").
  const order = (text) => Number(/^#\s*(\d+)\./.exec(text)?.[1] ?? 99);
  return readdirSync(dir).filter((f) => f.startsWith('readme-') && f.endsWith('.graphql'))
    .map((file) => ({ name: file.replace(/^readme-|\.graphql$/g, ''), query: readFileSync(path.join(dir, file), 'utf8') }))
    .sort((a, b) => order(a.query) - order(b.query));
}

const virtualModules = {
  name: 'virtual-modules',
  setup(b) {
    b.onResolve({ filter: /^virtual:saved-queries$/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: JSON.stringify(savedQueries()), loader: 'json' }));
  },
};

// The workbench runs on Preact's React-compatible API: its first load is spent on the page's
// main thread, and React's runtime (170 KB to compile and run before anything shows) was a
// third of the script work there; Preact does the same for the workbench's components in a
// tenth of the code. The explorer keeps React, which GraphiQL needs.
const PREACT = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/compat/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/compat/jsx-dev-runtime',
};

// `alias`: packages swapped for others with the same API, in that page's bundle only.
// `preload`: the modules the page's first view needs beside the entry's own imports, asked for
// by the page at once (modulepreload) instead of one after the other as each import is found.
const pages = {
  explorer: { entry: 'src/explorer/main.tsx', title: 'GraphQL 浏览器 · Explorer', preload: [] },
  workbench: {
    entry: 'src/workbench/main.tsx', title: '返乡创业分析工作台 · Analysts’ workbench', preload: ['src/workbench/app.tsx', 'src/workbench/views/scorecard-view.tsx'],
    alias: PREACT,
  },
};

/** The chunks a module needs before it runs: its own and, recursively, those it imports statically. */
function staticClosure(outputs, file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const i of outputs[file].imports) if (i.kind === 'import-statement' && i.path in outputs) staticClosure(outputs, i.path, into);
  return into;
}

/**
 * Brotli and gzip copies beside each text asset, made once here rather than on every request;
 * the gateway sends the one the browser accepts (see gateway/src/browser-pages.ts).
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) precompress(file);
    else if (/\.(js|css|json|html|svg)$/.test(entry.name)) {
      const bytes = readFileSync(file);
      if (bytes.length < 1024) continue;
      writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}

function refusedUrls(file, text) {
  const found = [...text.matchAll(/(?:@import\s+(?:url\()?|url\()\s*['"]?(https?:)?\/\//gi)].map((m) => m[0]);
  if (found.length) throw new Error(`${file} would fetch from another host: ${found.join(', ')}`);
}

for (const [name, page] of Object.entries(pages)) {
  const outdir = path.join(dist, 'public', name);
  const result = await build({
    entryPoints: { [name]: path.join(root, page.entry) },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true, // each view's code in its own chunk, loaded when the view is shown
    chunkNames: 'chunks/[name]-[hash]',
    target: ['es2020'],
    outdir: path.join(outdir, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.svg': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [virtualModules],
    alias: page.alias,
  });
  const meta = result.metafile.outputs;
  const outputs = Object.keys(meta).map((f) => path.relative(outdir, path.resolve(f)));
  for (const file of outputs) if (file.endsWith('.css')) refusedUrls(file, readFileSync(path.join(outdir, file), 'utf8'));
  const outputOf = (entry) => Object.keys(meta).find((f) => meta[f].entryPoint === path.relative(process.cwd(), path.join(root, entry)));
  const entryJs = outputOf(page.entry);
  const js = path.relative(outdir, path.resolve(entryJs));
  // The entry's stylesheet holds the CSS of every module it may load, dynamic imports included.
  const css = [meta[entryJs].cssBundle].filter(Boolean).map((f) => path.relative(outdir, path.resolve(f)));
  // The browser asks for the page's scripts in the order they appear here, six at a time over
  // HTTP/1.1: the entry and what it imports first (it sends the first view's request), then the
  // rest largest first, since the largest take longest to arrive and to compile.
  const entryClosure = staticClosure(meta, entryJs);
  const rest = new Set();
  for (const entry of page.preload) for (const f of staticClosure(meta, outputOf(entry))) if (!entryClosure.has(f)) rest.add(f);
  const preload = [...entryClosure].filter((f) => f !== entryJs)
    .concat([...rest].sort((a, b) => meta[b].bytes - meta[a].bytes));
  const preloadLinks = preload.map((f) => `<link rel="modulepreload" href="/${name}/${path.relative(outdir, path.resolve(f))}">`);
  writeFileSync(path.join(outdir, 'index.html'), `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="icon" href="data:,">
${css.map((f) => `<link rel="stylesheet" href="/${name}/${f}">`).join('\n')}
<script type="module" src="/${name}/${js}"></script>
${preloadLinks.join('\n')}
</head>
<body>
<div id="root"></div>
</body>
</html>
`);
}

// The 13 cities' boundaries ship with echarts 4.9 (echarts 5 no longer includes maps): copied, then served by the gateway.
mkdirSync(path.join(dist, 'public', 'workbench', 'maps'), { recursive: true });
copyFileSync(require.resolve('echarts4/map/json/province/jiangsu.json'), path.join(dist, 'public', 'workbench', 'maps', 'jiangsu.json'));

precompress(path.join(dist, 'public'));

await build({ entryPoints: [path.join(root, 'src/index.ts')], outdir: dist, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
