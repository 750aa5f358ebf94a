// Trunk post-build hook (after csp.mjs, which rewrites index.html): writes a gzip (.gz)
// and a Brotli (.br) twin beside every compressible file of the build, for static hosts
// that serve precompressed files (nginx gzip_static/brotli_static, Caddy's
// precompressed, Netlify and others compress on their own). Levels are the highest:
// compressed once at build time, read many times.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { buildDir, filesIn } from './build-files.mjs';

const dir = buildDir();
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt']);

let raw = 0;
let gz = 0;
let br = 0;
for (const path of [...filesIn(dir)].filter((p) => COMPRESSIBLE.has(extname(p)))) {
  const body = readFileSync(path);
  const g = gzipSync(body, { level: 9 });
  const b = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  writeFileSync(`${path}.gz`, g);
  writeFileSync(`${path}.br`, b);
  raw += body.length;
  gz += g.length;
  br += b.length;
}
const kib = (n) => `${Math.round(n / 1024)} KiB`;
console.log(`precompress: ${kib(raw)} in ${dir} → ${kib(gz)} gzip, ${kib(br)} brotli`);
