// Browser measurement (not a test): time from a keystroke in the JSON editor to the
// validated ladder on screen, for the generated large ladder. Prints the median of 15.
//   cargo run -p rungs-core --example large_ladder > target/large.json
//   trunk build --release && node tests/e2e/serve.mjs dist 8093 &
//   node tests/e2e/measure-edit.mjs target/large.json http://127.0.0.1:8093/
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const [file = 'target/large.json', url = 'http://127.0.0.1:8093/'] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage();
await page.goto(url);
await page.waitForSelector('[data-testid="ladder-name"]');
await page.evaluate((text) => {
  document.getElementById('source').open = true;
  const el = document.querySelector('[data-testid="source"]');
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}, text);
await page.waitForFunction(() => document.querySelector('[data-testid="ladder-name"]').textContent.startsWith('Large ladder'));
const samples = [];
for (let i = 0; i < 15; i++) {
  const name = `Large ladder ${i}`;
  // Replace the name in place and time until the new name and its validation are shown.
  const ms = await page.evaluate(async ({ name }) => {
    const el = document.querySelector('[data-testid="source"]');
    const t0 = performance.now();
    el.value = el.value.replace(/"name": "Large ladder[^"]*"/, `"name": "${name}"`);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => {
      const check = () =>
        document.querySelector('[data-testid="ladder-name"]').textContent === name ? resolve() : requestAnimationFrame(check);
      check();
    });
    return performance.now() - t0;
  }, { name });
  samples.push(ms);
}
samples.sort((a, b) => a - b);
const debounce = 150;
const median = samples[Math.floor(samples.length / 2)];
console.log(`keystroke to updated ladder (incl. ${debounce} ms debounce): median ${median.toFixed(1)} ms, min ${samples[0].toFixed(1)}, max ${samples.at(-1).toFixed(1)}`);
console.log(`parse + validate + render after the debounce: median ${(median - debounce).toFixed(1)} ms`);
await browser.close();
