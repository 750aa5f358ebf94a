// Browser measurement (not a test): a 10,000-run Monte Carlo study of the SaaS example's
// `checkout-3am` in headless Chromium (time from Start to the summary, worker start-up
// included, and the worker's own time), and how quickly the page answers clicks while a
// 100,000-run study runs (input delay: from the click event's timestamp to its handler).
// Needs the study on the Drill page.
//   trunk build --release && node tests/e2e/serve.mjs dist 8093 &
//   node tests/e2e/measure-study.mjs http://127.0.0.1:8093/ [CORES]
// CORES, when given, is what the page is told navigator.hardwareConcurrency is: the study
// splits its runs across that many workers (at most 8).
import { launch, runStudy, studyPage } from './measuring.mjs';

const [url = 'http://127.0.0.1:8093/', cores] = process.argv.slice(2);
const tid = (id) => `[data-testid="${id}"]`;
const browser = await launch();
const page = await studyPage(browser, url, { cores, runs: 10_000 });

async function study(runs) {
  await page.locator(tid('study-runs')).fill(String(runs));
  const t0 = Date.now();
  const { elapsed, workers } = await runStudy(page);
  const wall = Date.now() - t0;
  const times = `${elapsed} ms start to summary, ${workers} ms in the workers`;
  return { wall, status: `${await page.locator(tid('study-status')).textContent()} (${times})` };
}

for (let i = 0; i < 5; i++) {
  const { wall, status } = await study(10_000);
  console.log(`10,000 runs: ${wall} ms from click to summary (Playwright); page says: ${status}`);
}

// Clicks while a long study runs.
await page.evaluate(() => {
  window.__delays = [];
  document.addEventListener(
    'click',
    (e) => {
      const state = document.querySelector('[data-testid="study"]').dataset.state;
      if (state === 'running') window.__delays.push(performance.now() - e.timeStamp);
    },
    true,
  );
});
await page.locator(tid('study-runs')).fill('100000');
await page.locator(tid('study-start')).click();
await page.waitForSelector(`${tid('study')}[data-state="running"]`);
const heading = page.locator('#study-h');
for (let i = 0; i < 40 && (await page.locator(tid('study')).getAttribute('data-state')) === 'running'; i++) {
  await heading.click();
  await page.waitForTimeout(10);
}
const delays = await page.evaluate(() => window.__delays);
delays.sort((a, b) => a - b);
console.log(
  `clicks answered while a 100,000-run study ran: ${delays.length}, input delay median ${delays[delays.length >> 1].toFixed(1)} ms, max ${delays[delays.length - 1].toFixed(1)} ms`,
);
await page.waitForSelector(`${tid('study')}[data-state="done"]`, { timeout: 120_000 });
console.log(`100,000 runs (clicked during): ${await page.locator(tid('study-status')).textContent()}`);

// Steady-state per-run cost: long studies, nothing else on the page. Compare the worker's
// own time with `rungs simulate --runs 100000` natively.
for (let i = 0; i < 3; i++) {
  const { status } = await study(100_000);
  console.log(`100,000 runs: ${status}`);
}
await browser.close();
