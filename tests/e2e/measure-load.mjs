// Browser measurement (not a test): how quickly the app's first tier shows, and how many
// bytes cross the wire before it does, on a phone profile and on localhost, for the start
// page and for a shared link (the viewer). Serves the release build in DIR itself,
// gzip-compressed as static hosts serve it.
//
//   trunk build --release
//   node tests/e2e/measure-load.mjs [DIR] [LOADS]        (defaults: dist 5)
//
// The phone profile, through the Chrome DevTools Protocol: 9 Mbit/s down, 1.5 Mbit/s up,
// 150 ms round trip (Network.emulateNetworkConditions), the CPU 4x slower
// (Emulation.setCPUThrottlingRate), cache off, a 390x844 touch screen. Each figure is
// the median of LOADS fresh loads. "First tier" is the moment the first tier's element
// is in the page (a MutationObserver installed before any script runs), from the start
// of navigation; the bytes are the encoded (compressed) sizes of every response finished
// by then, headers included. The last row is a second visit on the phone profile: a
// first, unthrottled visit installs the service worker, then the page is reloaded with
// the HTTP cache off; what the service worker answers from its cache is not counted.
import { PROFILES, launch, median, throttle } from './measuring.mjs';
import { startServer } from './static-server.mjs';

const [dir = 'dist', loadsArg = '5'] = process.argv.slice(2);
const LOADS = Number(loadsArg);
const { server, origin } = await startServer({ dir, gzip: true, noCache: true });

const browser = await launch();

/** A share link of the SaaS example, made by the app itself. */
async function shareLink() {
  const page = await browser.newPage();
  await page.goto(origin);
  await page.locator('[data-testid="nav-share"]').click();
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  await page.close();
  return link;
}

/** One load of `url`: first contentful paint, first tier, bytes before it. Fresh, or with
 * `repeat` a second visit: the first one, unthrottled, installs the service worker. */
async function load(url, profile, tier, repeat = false) {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  if (repeat) {
    await page.goto(url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  }
  await page.addInitScript((tier) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(tier)) {
        window.__firstTier = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, tier);
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, profile);
  // what the service worker answers from its cache does not cross the network
  const fromCache = new Set();
  cdp.on('Network.responseReceived', (e) => e.response.fromServiceWorker && fromCache.add(e.requestId));
  const finished = [];
  cdp.on('Network.loadingFinished', (e) => finished.push({ id: e.requestId, at: e.timestamp, bytes: e.encodedDataLength }));
  let navStart = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (navStart === null && e.type === 'Document') navStart = e.timestamp;
  });
  await (repeat ? page.reload() : page.goto(url));
  await page.waitForFunction(() => window.__firstTier !== undefined, null, { timeout: 60_000 });
  const { firstTier, fcp } = await page.evaluate(async () => ({
    firstTier: window.__firstTier,
    // the paint entry is written after the frame is painted: wait for it
    fcp: await new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const e = list.getEntriesByName('first-contentful-paint')[0];
        if (e) resolve(e.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(null), 5000);
    }),
  }));
  // CDP timestamps are seconds on the browser's monotonic clock; the first tier is in
  // milliseconds from navigation start
  const cutoff = navStart + firstTier / 1000;
  const bytes = finished.filter((f) => f.at <= cutoff && !fromCache.has(f.id)).reduce((s, f) => s + f.bytes, 0);
  await context.close();
  return { firstTier, fcp, bytes };
}

const link = await shareLink();
const pages = {
  'start page (designer)': [origin, '[data-testid="rung"]'],
  'shared link (viewer)': [link, '[data-testid="viewer-tier"]'],
};
console.log(`| page | profile | first tier (median of ${LOADS}) | first contentful paint | bytes over the wire before the first tier |`);
console.log('| --- | --- | --- | --- | --- |');
const row = async (name, profileName, url, tier, repeat) => {
  const profile = PROFILES[profileName];
  const runs = [];
  for (let i = 0; i < LOADS; i++) runs.push(await load(url, profile, tier, repeat));
  const t = median(runs.map((r) => r.firstTier));
  const f = median(runs.map((r) => r.fcp ?? NaN));
  const b = median(runs.map((r) => r.bytes));
  console.log(`| ${name} | ${profileName} | ${(t / 1000).toFixed(2)} s | ${(f / 1000).toFixed(2)} s | ${Math.round(b / 1024)} KiB (${b.toLocaleString('en-US')} B) |`);
};
for (const [name, [url, tier]] of Object.entries(pages)) {
  for (const profileName of Object.keys(PROFILES)) await row(name, profileName, url, tier, false);
}
// a second visit: the service worker answers from its cache
await row('start page, second visit', 'phone', origin, pages['start page (designer)'][1], true);
await browser.close();
server.close();
