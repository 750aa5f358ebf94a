// Browser measurement (not a test): starting a live drill in two builds, taken in turns
// (A B, B A, …) so that both meet the same load on the machine. For each, a fresh page
// under the profile, the Drill tab, checkout-3am at 60x with nobody in the room, then
// from the click on "Start the drill" to the clock on the page and to the next frame, as
// measure-drill.mjs times it; medians of N. Serves both builds itself, gzip-compressed.
//   node tests/e2e/compare-drill-start.mjs DIR_A DIR_B [N] [PROFILE]   (defaults: 10 phone)
import { startServer } from './static-server.mjs';
import { PROFILES, launch, median } from './measuring.mjs';
import { drillPage, setUp, timeClick } from './drill-measuring.mjs';
import { sel } from './testids.mjs';

const [a, b, n = '10', profileName = 'phone'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: compare-drill-start.mjs DIR_A DIR_B [N] [PROFILE]');
const profile = PROFILES[profileName];
const builds = [];
for (const dir of [a, b]) builds.push({ dir, ...(await startServer({ dir, gzip: true, noCache: true })), times: [] });
const browser = await launch();

for (let i = 0; i < Number(n); i++) {
  for (const build of i % 2 ? [...builds].reverse() : builds) {
    const { context, page, problems } = await drillPage(browser, build.origin, profile);
    await page.locator(sel('NAV_DRILL')).click();
    await setUp(page, 60, false);
    build.times.push(await timeClick(page, page.locator(sel('DRILL_START')), `document.querySelector('${sel('SIM_CLOCK')}') !== null`));
    await context.close();
    if (problems.length) throw new Error(problems.join('\n'));
  }
}
for (const { dir, times } of builds) {
  const dom = times.map((t) => t[0]);
  console.log(`${dir}: start -> clock ${median(dom).toFixed(1)} ms, to the next frame ${median(times.map((t) => t[1])).toFixed(1)} ms (medians of ${times.length}, ${profileName}) [${dom.map((x) => x.toFixed(0)).join(' ')}]`);
}
await browser.close();
for (const { server } of builds) server.close();
