// Bundles the explorer and the workbench for the browser into dist/public/<page>/ (index.html +
// content-hashed assets) and compiles the package's Node entry. Everything a page loads comes
// from the gateway itself: the build fails if a stylesheet would fetch anything from another host.
import { build } from 'esbuild';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
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

const pages = {
  explorer: { entry: 'src/explorer/main.tsx', title: 'GraphQL 浏览器 · Explorer' },
  workbench: { entry: 'src/workbench/main.tsx', title: '返乡创业分析工作台 · Analysts’ workbench' },
};

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
  });
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.relative(outdir, path.resolve(f)));
  for (const file of outputs) if (file.endsWith('.css')) refusedUrls(file, readFileSync(path.join(outdir, file), 'utf8'));
  const js = outputs.find((f) => f.endsWith('.js'));
  const css = outputs.filter((f) => f.endsWith('.css'));
  writeFileSync(path.join(outdir, 'index.html'), `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="icon" href="data:,">
${css.map((f) => `<link rel="stylesheet" href="/${name}/${f}">`).join('\n')}
</head>
<body>
<div id="root"></div>
<script type="module" src="/${name}/${js}"></script>
</body>
</html>
`);
}

// The 13 cities' boundaries ship with echarts 4.9 (echarts 5 no longer includes maps): copied, then served by the gateway.
mkdirSync(path.join(dist, 'public', 'workbench', 'maps'), { recursive: true });
copyFileSync(require.resolve('echarts4/map/json/province/jiangsu.json'), path.join(dist, 'public', 'workbench', 'maps', 'jiangsu.json'));

await build({ entryPoints: [path.join(root, 'src/index.ts')], outdir: dist, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
