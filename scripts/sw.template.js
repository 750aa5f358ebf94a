// Rungs' service worker: keeps this release's files so that a repeat visit opens from
// the cache and a drill room without a network still works. scripts/offline.mjs writes
// it into the build as sw.js, with the release's VERSION and FILES filled in.
//
// A new release never takes over on its own: it installs beside the running one and
// waits. The page announces it, and only when the user chooses to reload does the page
// post 'activate-update', which lets it take over (see src/platform/offline.rs).
// Everything is relative to this script, so the app can be hosted under any sub-path.
const VERSION = '__VERSION__';
// [file relative to this script, whether its name carries a content hash]
const FILES = __FILES__;
const PREFIX = `rungs ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        // a hashed name is the same bytes forever, so the HTTP cache may answer; other
        // files are asked of the server again
        FILES.map(([file, hashed]) => new Request(new URL(file, self.location), { cache: hashed ? 'default' : 'no-cache' })),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  // every page of the app is index.html; a share link's ladder is in the fragment
  const key = request.mode === 'navigate' ? INDEX : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit ?? fetch(request)),
  );
});
