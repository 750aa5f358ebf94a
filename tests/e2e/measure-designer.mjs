// Browser measurement (not a test): time from a keystroke in the designer's inspector to
// the updated ladder diagram, for the generated large ladder (500 people, 50 rotations,
// 8 tiers). Prints the median of 25 keystrokes and the User Timing measures.
//   cargo run --release -p rungs-core --example large_ladder > target/large.json
//   trunk build --release && node tests/e2e/serve.mjs dist 8093 &
//   node tests/e2e/measure-designer.mjs target/large.json http://127.0.0.1:8093/
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const [file = 'target/large.json', url = 'http://127.0.0.1:8093/'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
await page.waitForSelector('[data-testid="ladder-name"]');
await page.locator('[data-testid="import"]').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: readFileSync(file) });
await page.waitForFunction(() => document.querySelector('[data-testid="ladder-name"]').textContent.startsWith('Large ladder'));
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
const before = await name.inputValue();
const samples = [];
let typed = '';
for (let i = 0; i < 25; i++) {
  const ch = String.fromCharCode(97 + (i % 26));
  typed += ch;
  const waiter = page.evaluate((expected) => new Promise((resolve) => {
    const check = () => {
      const shown = document.querySelector('.d-rung .d-name').textContent;
      if (shown.includes(expected)) resolve(performance.now() - window.__t0);
      else requestAnimationFrame(check);
    };
    check();
  }), (before + typed).slice(-8));
  await page.keyboard.type(ch);
  samples.push(await waiter);
}
const measures = await page.evaluate(() => {
  const names = [...new Set(performance.getEntriesByType('measure').map((e) => e.name))];
  return names.map((n) => {
    const d = performance.getEntriesByName(n).map((e) => e.duration).sort((a, b) => a - b);
    return [n, d[Math.floor(d.length / 2)]];
  });
});
for (const [n, d] of measures) console.log(`${n}: median ${d.toFixed(1)} ms`);
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
console.log(`keystroke to updated diagram: median ${median.toFixed(1)} ms, min ${samples[0].toFixed(1)}, max ${samples.at(-1).toFixed(1)} (25 keystrokes)`);
await browser.close();
