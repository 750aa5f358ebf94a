// Browser measurement (not a test): two builds' 100,000-run studies of the SaaS example's
// `checkout-3am`, taken in turns in one browser (A B, B A, …) so that both meet the same
// load on the machine; medians of the page's Start-to-summary time. Serve each build on
// its own port:
//   node tests/e2e/serve.mjs dist 8093 & node tests/e2e/serve.mjs ../old/dist 8094 &
//   node tests/e2e/compare-study.mjs http://127.0.0.1:8093/ http://127.0.0.1:8094/ [N] [CORES]
import { launch, median, runStudy, studyPage } from './measuring.mjs';

const [a, b, n = '15', cores = '2'] = process.argv.slice(2);
const browser = await launch();
const pages = [await studyPage(browser, a, { cores }), await studyPage(browser, b, { cores })];
// warm: the workers' code optimised by V8, as for any study after the first
for (let i = 0; i < 3; i++) for (const p of pages) await runStudy(p);
const times = [[], []];
for (let i = 0; i < Number(n); i++) {
  const order = i % 2 ? [1, 0] : [0, 1];
  for (const k of order) times[k].push((await runStudy(pages[k])).elapsed);
}
for (const [k, url] of [a, b].entries()) {
  console.log(`${url}: median ${median(times[k])} ms [${times[k].join(' ')}]`);
}
await browser.close();
