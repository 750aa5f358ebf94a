// The byte budget of the first load: what a browser must fetch before the first tier of
// a ladder can show, counted as the gzip twins precompress.mjs writes. The page's
// loader (Trunk.toml's `pattern_script`) starts one of two modules: the app (`rungs`, any address) or the viewer
// (`rungs-viewer`, a share link). Each first load is index.html, the stylesheet it
// names, the module's script, the snippets that script imports, and its wasm. Sizes are
// deterministic, so a test holds them to their budgets (tests/e2e/app.spec.mjs); lower a
// budget whenever a cut lands, never raise it to make room.
//
//   node scripts/budget.mjs [DIR]      prints both loads' files, their sizes and totals
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bytes (gzip) each first load may need at most. Issue 13's goal is 400 KiB. */
export const BUDGETS = { rungs: 800_000, 'rungs-viewer': 328_000 };

/** The files module `name`'s first load needs and their gzip sizes, from the build in
 * `dir`. */
export function firstLoad(dir = 'dist', name = 'rungs') {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // the stylesheets' links, with their attributes quoted or not (a release build minifies
  // index.html) and in any order
  const styles = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => Object.fromEntries([...tag.slice(5).matchAll(/([\w-]+)(?:=("[^"]*"|'[^']*'|[^\s>"']+))?/g)]
      .map(([, key, value = '']) => [key, value.replace(/^["']|["']$/g, '')])))
    .filter((a) => a.rel === 'stylesheet')
    .map((a) => a.href);
  // the loader names each module's script: the app's with Trunk's content hash
  const named = html.match(new RegExp(`(['"\`])\\./(${name}(?:-[0-9a-f]{1,16})?)\\.js\\1`));
  if (!named) throw new Error(`${dir}/index.html names no script of ${name}`);
  const script = `${named[2]}.js`;
  const glue = readFileSync(join(dir, script), 'utf8');
  const snippets = [...glue.matchAll(/\bfrom\s+'(\.\/snippets\/[^']+)'/g)].map(([, path]) => posix.normalize(path));
  const files = ['index.html', ...styles.map((s) => s.replace(/^\.?\//, '')), script, ...new Set(snippets), `${named[2]}_bg.wasm`];
  return files.map((file) => ({ file, gzip: statSync(join(dir, `${file}.gz`)).size }));
}

/** The gzip bytes of `rows` (from `firstLoad`) in all. */
export const total = (rows) => rows.reduce((n, r) => n + r.gzip, 0);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  let within = true;
  for (const [name, budget] of Object.entries(BUDGETS)) {
    const rows = firstLoad(dir, name);
    const bytes = total(rows);
    console.log(`${name}:`);
    for (const r of rows) console.log(`${String(r.gzip).padStart(10)}  ${r.file}`);
    console.log(`${String(bytes).padStart(10)}  total (gzip), budget ${budget}`);
    within &&= bytes <= budget;
  }
  process.exit(within ? 0 : 1);
}
