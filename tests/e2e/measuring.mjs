// What the browser measurements (tests/e2e/measure-*.mjs) share: the browser, the
// profiles they load pages under, and the median they report.
import { chromium } from '@playwright/test';

/** Debian's Chromium, headless, without background traffic that would skew a figure. */
export const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/** The phone profile, through the Chrome DevTools Protocol: 9 Mbit/s down, 1.5 Mbit/s
 * up, 150 ms round trip (Network.emulateNetworkConditions), the CPU 4x slower
 * (Emulation.setCPUThrottlingRate), a 390x844 touch screen; and localhost, unthrottled. */
export const PROFILES = {
  phone: {
    context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    network: { offline: false, latency: 150, downloadThroughput: (9e6 / 8), uploadThroughput: (1.5e6 / 8) },
    cpu: 4,
  },
  localhost: { context: { viewport: { width: 1400, height: 900 } }, network: null, cpu: 1 },
};

/** Applies `profile`'s network and CPU to a page's CDP session, with the cache off. */
export async function throttle(cdp, profile) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

/** The median (the lower of the two middle values for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

const tid = (id) => `[data-testid="${id}"]`;

/** A page of `browser` on `url`'s drill room with the study panel open (its workers
 * loaded) and `runs` in its Runs field; the page is told the browser has `cores` cores
 * (navigator.hardwareConcurrency) when given. */
export async function studyPage(browser, url, { cores, runs = 100_000 } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (cores) {
    await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), Number(cores));
  }
  await page.goto(url);
  await page.waitForSelector(tid('ladder-name'));
  await page.locator(tid('nav-drill')).click();
  await page.waitForSelector(tid('study'));
  await page.waitForTimeout(1000);
  await page.locator(tid('study-runs')).fill(String(runs));
  return page;
}

/** Runs the study on `page` (from studyPage) once: the page's own Start-to-summary time
 * and its workers' time (the slowest worker's, then the merge), in milliseconds. The end
 * is awaited by a MutationObserver in the page, not by Playwright's waiting for a
 * selector, which polls the page while the study runs and, on two cores, slowed the
 * study it measured (docs/performance.md). */
export async function runStudy(page) {
  await page.bringToFront();
  // the observer is in place before the click; the promise ends with the study
  await page.evaluate((study) => {
    window.__studyEnd = new Promise((resolve, reject) => {
      const el = document.querySelector(study);
      const end = (settle, value) => { observer.disconnect(); clearTimeout(timer); settle(value); };
      const observer = new MutationObserver(() => {
        const state = el.dataset.state;
        if (state === 'done') end(resolve);
        else if (state !== 'running') end(reject, new Error(`the study ended ${state}`));
      });
      const timer = setTimeout(() => end(reject, new Error('the study took over 120 s')), 120_000);
      observer.observe(el, { attributes: true, attributeFilter: ['data-state'] });
    });
  }, tid('study'));
  await page.locator(tid('study-start')).click();
  await page.evaluate(() => window.__studyEnd);
  const status = page.locator(tid('study-status'));
  return {
    elapsed: Number(await status.getAttribute('data-elapsed-ms')),
    workers: Number(await status.getAttribute('data-worker-ms')),
  };
}
