// Browser measurement (not a test): the browser's 100,000-run study of the SaaS example's
// `checkout-3am` against the command line's on one core, taken in turns (--jobs 2,
// native, browser; then browser, native, --jobs 2; …) so that all meet the same load on
// the machine. Run it from the repository's root, with the release build of the command
// line in target/release. The native time is the whole command, start-up and output
// included, as `/usr/bin/time` reports it; the browser's is the page's Start-to-summary
// time. Prints both medians, the median of the
// per-pair ratios (browser / native), and, as a gauge of how freely the machine runs two
// threads at once, the command line's time with `--jobs 2` against `--jobs 1`.
//   cargo build --release -p rungs-cli && trunk build --release
//   node tests/e2e/serve.mjs dist 8093 &
//   node tests/e2e/study-vs-native.mjs http://127.0.0.1:8093/ [N] [CORES]
import { execFileSync } from 'node:child_process';
import { launch, median, runStudy, studyPage } from './measuring.mjs';

const [url = 'http://127.0.0.1:8093/', n = '15', cores] = process.argv.slice(2);
const args = ['simulate', 'public/examples/saas.json', '--scenario', 'checkout-3am', '--runs', '100000', '--jobs'];
function native(jobs = 1) {
  const t0 = process.hrtime.bigint();
  execFileSync('target/release/rungs', [...args, String(jobs)], { stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const browser = await launch();
const page = await studyPage(browser, url, { cores });
// warm: the workers' code optimised by V8, as for any study after the first
for (let i = 0; i < 3; i++) await runStudy(page);
native();
const times = { native: [], browser: [], two: [] };
const ratios = [];
const twos = [];
for (let i = 0; i < Number(n); i++) {
  const pair = {};
  for (const k of i % 2 ? ['browser', 'native', 'two'] : ['two', 'native', 'browser']) {
    pair[k] = k === 'browser' ? (await runStudy(page)).elapsed : native(k === 'two' ? 2 : 1);
    times[k].push(Math.round(pair[k]));
  }
  ratios.push(pair.browser / pair.native);
  twos.push(pair.native / pair.two);
}
console.log(`native, one core: median ${median(times.native)} ms [${times.native.join(' ')}]`);
console.log(`browser study:    median ${median(times.browser)} ms [${times.browser.join(' ')}]`);
console.log(`browser / native, per pair: median ${median(ratios).toFixed(2)}, ${ratios.filter((r) => r < 1).length} of ${ratios.length} pairs below 1`);
console.log(`native, --jobs 2:  median ${median(times.two)} ms, ${median(twos).toFixed(2)} times as fast as --jobs 1`);
await browser.close();
