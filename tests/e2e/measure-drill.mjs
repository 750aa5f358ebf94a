// Browser measurement (not a test): the live drill as a facilitator uses it, on the SaaS
// example the start page opens (scenario checkout-3am). Serves the release build in DIR
// itself, gzip-compressed as static hosts serve it, and prints, per profile:
//
// - open: from the click on the Drill tab to the drill page with its scenarios, to the
//   live drill on the page, and to the next frame (the first visit fetches the drill
//   room's module; median of LOADS fresh loads);
// - start: from the click on "Start the drill" to the clock on the page, and to the next
//   frame (median of LOADS);
// - the running clock, 10 seconds at 60x with nobody played in the room: the main
//   thread's time per clock tick (the page ticks every 100 ms), split into script, style
//   and layout (CDP Performance.getMetrics); the frames drawn, their longest gap, and the
//   tasks over 50 ms;
// - acknowledge: with Emi played in the room at 1200x, from the click on a page card's
//   Acknowledge to that card leaving the page, and to the next frame (median of 8).
//
//   trunk build --release
//   node tests/e2e/measure-drill.mjs [DIR] [LOADS]        (defaults: dist 5)
//
// The profiles are measure-load.mjs's (measuring.mjs): the phone (9 Mbit/s down, 150 ms
// round trip, the CPU 4x slower, cache off, a 390x844 touch screen) and localhost.
import { startServer } from './static-server.mjs';
import { PROFILES, launch, median } from './measuring.mjs';
import { drillPage, setUp, timeClick } from './drill-measuring.mjs';
import { sel } from './testids.mjs';

const [dir = 'dist', loadsArg = '5'] = process.argv.slice(2);
const LOADS = Number(loadsArg);
const { server, origin } = await startServer({ dir, gzip: true, noCache: true });
const browser = await launch();

const ms = (x) => `${x.toFixed(1)} ms`;

/** Opens the drill room and starts a drill: [open, start] timings. */
async function openAndStart(profile) {
  const { context, page, problems } = await drillPage(browser, origin, profile);
  const shown = (name) => `document.querySelector('${sel(name)}') !== null`;
  const open = await timeClick(page, page.locator(sel('NAV_DRILL')), shown('LIVE_DRILL'), shown('SCENARIO_PICK'));
  await setUp(page, 60, false);
  const start = await timeClick(page, page.locator(sel('DRILL_START')), shown('SIM_CLOCK'));
  await context.close();
  if (problems.length) throw new Error(problems.join('\n'));
  return { open, start };
}

/** Ten seconds of a drill's clock at 60x: the main thread's work per tick and the frames. */
async function running(profile) {
  const { context, page, cdp, problems } = await drillPage(browser, origin, profile);
  await page.locator(sel('NAV_DRILL')).click();
  await setUp(page, 60, false);
  await page.locator(sel('DRILL_START')).click();
  await page.locator(sel('SIM_CLOCK')).waitFor();
  await page.waitForTimeout(1000);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.evaluate((clock) => {
    window.__ticks = 0;
    window.__frames = [];
    window.__long = [];
    new MutationObserver(() => { window.__ticks += 1; })
      .observe(document.querySelector(clock), { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask' });
    const frame = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  }, sel('SIM_CLOCK'));
  const m0 = await metrics();
  await page.waitForTimeout(10_000);
  const m1 = await metrics();
  const seen = await page.evaluate(() => {
    window.__stop = true;
    const gaps = window.__frames.slice(1).map((t, i) => t - window.__frames[i]);
    return { ticks: window.__ticks, frames: window.__frames.length, gap: Math.max(...gaps), long: window.__long };
  });
  const finished = await page.locator(sel('SCORECARD')).isVisible();
  await context.close();
  if (problems.length) throw new Error(problems.join('\n'));
  const per = (k) => ((m1[k] - m0[k]) * 1000) / seen.ticks;
  return {
    ...seen,
    finished,
    task: per('TaskDuration'),
    script: per('ScriptDuration'),
    style: per('RecalcStyleDuration'),
    layout: per('LayoutDuration'),
  };
}

/** Eight acknowledgements of Emi's pages at 1200x, restarting the drill when it ends
 * (at most four drills). */
async function acknowledge(profile) {
  const { context, page, problems } = await drillPage(browser, origin, profile);
  page.on('dialog', (d) => d.accept());
  await page.locator(sel('NAV_DRILL')).click();
  await setUp(page, 1200, true);
  const card = sel('PAGE_CARD');
  const samples = [];
  for (let drill = 0; drill < 4 && samples.length < 8; drill++) {
    await page.locator(sel('DRILL_START')).click();
    while (samples.length < 8 && !(await page.locator(sel('SCORECARD')).isVisible())) {
      if (await page.locator(card).count()) {
        await page.evaluate((card) => { window.__card = document.querySelector(card); }, card);
        samples.push(await timeClick(page, page.locator(card).first().locator(sel('ACKNOWLEDGE')), '!window.__card.isConnected'));
      } else {
        await page.waitForTimeout(50);
      }
    }
  }
  await context.close();
  if (problems.length) throw new Error(problems.join('\n'));
  return samples;
}

console.log(`| profile | what | to the DOM | to the next frame |`);
console.log('| --- | --- | --- | --- |');
const clockRows = [];
for (const [name, profile] of Object.entries(PROFILES)) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) runs.push(await openAndStart(profile));
  console.log(`| ${name} | the drill page, its scenarios listed (median of ${LOADS}) | ${ms(median(runs.map((r) => r.open[2])))} | |`);
  for (const what of ['open', 'start']) {
    const label = what === 'open' ? `the live drill, its module loaded (median of ${LOADS})` : `start a drill (median of ${LOADS})`;
    console.log(`| ${name} | ${label} | ${ms(median(runs.map((r) => r[what][0])))} | ${ms(median(runs.map((r) => r[what][1])))} |`);
  }
  const acks = await acknowledge(profile);
  if (acks.length) console.log(`| ${name} | acknowledge a page card (median of ${acks.length}) | ${ms(median(acks.map((a) => a[0])))} | ${ms(median(acks.map((a) => a[1])))} |`);
  clockRows.push([name, await running(profile)]);
}
console.log('');
console.log('| profile | clock ticks in 10 s | main thread per tick | script | style | layout | frames | longest gap between frames | tasks over 50 ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, r] of clockRows) {
  const ended = r.finished ? ' (the drill ended)' : '';
  console.log(`| ${name} | ${r.ticks}${ended} | ${ms(r.task)} | ${ms(r.script)} | ${ms(r.style)} | ${ms(r.layout)} | ${r.frames} | ${ms(r.gap)} | ${r.long.length}${r.long.length ? ` (longest ${ms(Math.max(...r.long))})` : ''} |`);
}
await browser.close();
server.close();
