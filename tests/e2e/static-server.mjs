// The static file server the browser tests and measurements serve the built app with.
// Loopback only; serves .wasm with the MIME type streaming compilation needs.
//
//   const { origin, close } = await startServer({ dir: 'dist', port: 0, gzip: true });
//
// `gzip` compresses what a browser accepts compressed, as static hosts do; `base` serves
// DIR under a sub-path (`/team/rungs/`) to test hosting there; `noCache` sends
// `cache-control: no-cache`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg']);

export async function startServer({ dir = 'dist', port = 0, gzip = false, base = '/', noCache = false } = {}) {
  const root = resolve(dir);
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!url.startsWith(base)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const path = `/${url.slice(base.length)}`;
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const ext = extname(file);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
      if (noCache) headers['cache-control'] = 'no-cache';
      let body = await readFile(file);
      if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        body = gzipped.get(file);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((r) => server.listen(Number(port), '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}${base}`;
  return { server, origin, close: () => new Promise((r) => server.close(r)) };
}
