// Browser measurement (not a test): time from a keystroke in the JSON editor to the
// validated ladder on screen, for the generated large ladder. Prints the median of 15.
//   cargo run -p rungs-core --example large_ladder > target/large.json
//   trunk build --release && node tests/e2e/serve.mjs dist 8093 &
//   node tests/e2e/measure-edit.mjs target/large.json http://127.0.0.1:8093/
import { launch } from './measuring.mjs';
import { readFileSync } from 'node:fs';

const [file = 'target/large.json', url = 'http://127.0.0.1:8093/'] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const browser = await launch();
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
// Type one character at a time into the ladder's name, as a person would, and time each
// keystroke until the new name (parsed, validated and rendered) is on screen.
const area = page.locator('[data-testid="source"]');
await area.focus();
const at = text.indexOf('"name": "Large ladder') + '"name": "Large ladder'.length;
await area.evaluate((el, pos) => el.setSelectionRange(pos, pos), at);
await page.evaluate(() => {
  window.__t0 = 0;
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
});
const samples = [];
let typed = '';
for (let i = 0; i < 15; i++) {
  const ch = String.fromCharCode(97 + i);
  typed += ch;
  const waiter = page.evaluate((expected) => new Promise((resolve) => {
    const check = () => {
      const name = document.querySelector('[data-testid="ladder-name"]').textContent;
      if (name.startsWith(expected)) resolve(performance.now() - window.__t0);
      else requestAnimationFrame(check);
    };
    check();
  }), `Large ladder${typed}`);
  await page.keyboard.type(ch);
  samples.push(await waiter);
}
const loads = await page.evaluate(() =>
  performance.getEntriesByName('rungs:read-and-validate').slice(-15).map((e) => e.duration).sort((a, b) => a - b),
);
console.log(`parse + validate (+ overview) in wasm: median ${loads[Math.floor(loads.length / 2)].toFixed(1)} ms`);
samples.sort((a, b) => a - b);
const debounce = 150;
const median = samples[Math.floor(samples.length / 2)];
console.log(`keystroke to updated ladder (incl. ${debounce} ms debounce): median ${median.toFixed(1)} ms, min ${samples[0].toFixed(1)}, max ${samples.at(-1).toFixed(1)}`);
console.log(`parse + validate + render after the debounce: median ${(median - debounce).toFixed(1)} ms`);
await browser.close();
