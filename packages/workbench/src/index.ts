import path from 'node:path';

/** The static files `npm run build` writes: `workbench/` and `explorer/`, each an index.html with hashed assets. */
export const publicDir = path.join(__dirname, 'public');
