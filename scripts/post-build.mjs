// Trunk's one post-build hook. Trunk runs the hooks of a stage at the same time, and these
// steps must run in order: the Content-Security-Policy goes into index.html first, then
// the service worker lists (and versions) the finished files, then every file gets its
// compressed twins.
await import('./csp.mjs');
await import('./offline.mjs');
await import('./precompress.mjs');
