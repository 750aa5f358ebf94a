// Browser measurement (not a test): time from a keystroke in the designer's inspector to
// the updated ladder diagram, for a generated ladder: the large one (500 people, 50
// rotations, 8 tiers) or 30,000 people sharing one role. Prints the median of 25
// keystrokes and the User Timing measures.
//   cargo run --release -p rungs-core --example large_ladder > target/large.json
//   cargo run --release -p rungs-core --example shared_role_ladder 30000 > target/30k.json
//   trunk build --release && node tests/e2e/serve.mjs dist 8093 &
//   node tests/e2e/measure-designer.mjs target/large.json http://127.0.0.1:8093/
import { launch } from './measuring.mjs';
import { readFileSync } from 'node:fs';

const [file = 'target/large.json', url = 'http://127.0.0.1:8093/'] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
await page.waitForSelector('[data-testid="ladder-name"]');
await page.locator('[data-testid="import"]').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: readFileSync(file) });
const expected = JSON.parse(readFileSync(file, 'utf8')).name;
await page.waitForFunction((name) => document.querySelector('[data-testid="ladder-name"]')?.textContent === name, expected, { timeout: 120_000 });
// Open the first tier in the inspector and type into its name, one key at a time.
await page.locator('.d-rung').first().click();
const name = page.locator('#f-tiers-0-name');
await name.focus();
await name.press('End');
await page.evaluate(() => {
  window.__t0 = 0;
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
  performance.clearMeasures();
});
if (process.env.REMOVE) await page.evaluate((s) => document.querySelectorAll(s).forEach((e) => e.remove()), process.env.REMOVE);
const before = await name.inputValue();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const m0 = await metrics();
const samples = [];
let typed = '';
for (let i = 0; i < 25; i++) {
  const ch = String.fromCharCode(97 + (i % 26));
  typed += ch;
  // Two times per keystroke: until the diagram's DOM holds the new name (a mutation
  // observer, no frame wait) and until the next frame after that (when it is painted).
  await page.evaluate((expected) => {
    window.__result = null;
    const svg = document.querySelector('[data-testid="diagram"]').parentElement;
    const observer = new MutationObserver(() => {
      const shown = document.querySelector('.d-rung .d-name').textContent;
      if (!shown.includes(expected)) return;
      observer.disconnect();
      const dom = performance.now() - window.__t0;
      requestAnimationFrame(() => { window.__result = [dom, performance.now() - window.__t0]; });
    });
    observer.observe(svg, { subtree: true, childList: true, characterData: true });
  }, (before + typed).slice(-8));
  await page.keyboard.type(ch);
  const got = await (await page.waitForFunction(() => window.__result)).jsonValue();
  samples.push(got);
}
const m1 = await metrics();
for (const k of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount']) {
  const d = m1[k] - m0[k];
  console.log(`${k} per keystroke: ${k.endsWith('Count') ? (d / 25).toFixed(1) : ((d * 1000) / 25).toFixed(1) + ' ms'}`);
}
const measures = await page.evaluate(() => {
  const names = [...new Set(performance.getEntriesByType('measure').map((e) => e.name))];
  return names.map((n) => {
    const d = performance.getEntriesByName(n).map((e) => e.duration).sort((a, b) => a - b);
    return [n, d[Math.floor(d.length / 2)]];
  });
});
for (const [n, d] of measures) console.log(`${n}: median ${d.toFixed(1)} ms`);
for (const [k, label] of [[0, 'keystroke to updated diagram in the DOM'], [1, 'keystroke to the next frame after it']]) {
  const xs = samples.map((s) => s[k]).sort((a, b) => a - b);
  console.log(`${label}: median ${xs[Math.floor(xs.length / 2)].toFixed(1)} ms, min ${xs[0].toFixed(1)}, max ${xs.at(-1).toFixed(1)} (25 keystrokes)`);
}
await browser.close();
