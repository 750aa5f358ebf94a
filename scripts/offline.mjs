// Trunk post-build hook (after csp.mjs, before precompress.mjs): writes sw.js, the
// service worker that keeps this release's files for offline use (scripts/sw.template.js),
// with the list of files to keep and a version that changes whenever any of them does.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDir, filesIn } from './build-files.mjs';

const dir = buildDir();
// the twins precompress.mjs writes, and the worker itself, are not kept
const SKIP = /\.(gz|br)$|^sw\.js$/;
// Trunk's content hash in a file name: name-0123456789abcdef.ext
const HASHED = /-[0-9a-f]{12,}(_bg)?\.[a-z]+$/;

const version = createHash('sha256');
const list = [];
for (const path of filesIn(dir)) {
  const file = relative(dir, path).split('\\').join('/');
  if (SKIP.test(file)) continue;
  version.update(file).update('\0').update(readFileSync(path));
  list.push([file, HASHED.test(file)]);
}
const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
const sw = template
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(list));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`offline: sw.js keeps ${list.length} files`);
