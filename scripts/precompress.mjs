// Trunk post-build hook (after csp.mjs, which rewrites index.html): writes a gzip (.gz)
// and a Brotli (.br) twin beside every compressible file of the build, for static hosts
// that serve precompressed files (nginx gzip_static/brotli_static, Caddy's
// precompressed, Netlify and others compress on their own). Levels are the highest:
// compressed once at build time, read many times.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt']);

function* files(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(name))) yield path;
  }
}

let raw = 0;
let gz = 0;
let br = 0;
for (const path of files(dir)) {
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
