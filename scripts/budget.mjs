// The byte budget of the first load: what a browser must fetch before the first tier of
// a ladder can show (index.html and the stylesheet, script and wasm it names), counted
// as the gzip twins precompress.mjs writes. Sizes are deterministic, so a test holds
// them to BUDGET (tests/e2e/app.spec.mjs); lower BUDGET whenever a cut lands, never
// raise it to make room.
//
//   node scripts/budget.mjs [DIR]      prints the files, their sizes and the total
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bytes (gzip) the first tier may need at most. Issue 13's goal is 400 KiB. */
export const BUDGET = 800_000;

/** The files the first tier needs and their gzip sizes, from the build in `dir`. */
export function firstLoad(dir = 'dist') {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload|preload)"[^>]*\bhref="([^"]+)"/g)].map(
    ([, href]) => href.replace(/^\.?\//, ''),
  );
  const files = ['index.html', ...new Set(named)];
  return files.map((file) => ({ file, gzip: statSync(join(dir, `${file}.gz`)).size }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const rows = firstLoad(dir);
  const total = rows.reduce((n, r) => n + r.gzip, 0);
  for (const r of rows) console.log(`${String(r.gzip).padStart(10)}  ${r.file}`);
  console.log(`${String(total).padStart(10)}  total (gzip), budget ${BUDGET}`);
  process.exit(total <= BUDGET ? 0 : 1);
}
