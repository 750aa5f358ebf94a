// Trunk post-build hook: adds a Content-Security-Policy to the built index.html that
// allows only the app's own files, plus Trunk's inline loader by its SHA-256 hash (the
// loader names the hashed file names, so its hash changes with every build).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir } from './build-files.mjs';

const dir = buildDir();
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
// after the charset, as written or as a release build minifies it (`<meta charset=utf-8>`)
html = html.replace(/<meta charset=("?)utf-8\1\s*\/?>/i, (m) => `${m}${meta}`);
if (!html.includes(meta)) throw new Error(`${file}: no <meta charset> to put the policy after`);
writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script(s) allowed by hash in ${file}`);
