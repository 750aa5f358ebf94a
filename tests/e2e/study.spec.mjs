// The Monte Carlo study of the drill room: its numbers are the command line's, exactly;
// it runs in a Web Worker, can be cancelled, and refuses a number of runs out of range.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sel } from './testids.mjs';

const rungs = `${process.env.CARGO_TARGET_DIR ?? 'target'}/debug/rungs`;
const simulate = (...args) =>
  execFileSync(rungs, ['simulate', 'public/examples/saas.json', '--scenario', 'checkout-3am', '--format', 'json', ...args], {
    encoding: 'utf8',
  });
const workers = (page) => page.evaluate(() => window.__workers);
// the page starts one worker per core the browser reports, at most 8
const cores = (page) => page.evaluate(() => Math.min(navigator.hardwareConcurrency, 8));

/** Opens the Drill page on the SaaS example with the study of `checkout-3am` on show. */
async function openStudy(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  // count the workers the page starts
  await page.addInitScript(() => {
    window.__workers = 0;
    // the workers dealt a block of runs, and every request sent: [worker, kind]
    window.__dealt = new Set();
    window.__sent = [];
    // the kind of every reply the workers sent the page
    window.__replies = [];
    // the kind of a request or reply: its JSON's first key
    const kindOf = (message) => /^\{"([a-z_]+)"/.exec(String(message))?.[1];
    const Base = window.Worker;
    // with window.__holdDone set, a worker's end of a block ("ran") is held back, so the
    // worker is dealt nothing more and a test can see a study under way however fast
    // the machine is
    window.__holdDone = false;
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        this.number = window.__workers;
        window.__workers += 1;
      }
      postMessage(message, ...rest) {
        const kind = kindOf(message);
        window.__sent.push([this.number, kind]);
        if (kind === 'run') window.__dealt.add(this.number);
        return super.postMessage(message, ...rest);
      }
      set onmessage(handler) {
        super.onmessage = handler && ((e) => {
          const kind = kindOf(e.data);
          window.__replies.push(kind);
          const held = window.__holdDone && (kind === 'ran' || kind === 'done');
          return held ? undefined : handler(e);
        });
      }
      get onmessage() {
        return super.onmessage;
      }
    };
  });
  await page.goto('/');
  await page.locator(sel('NAV_DRILL')).click();
  const chosen = page.locator(sel('STUDY_SCENARIO'));
  if (!(await chosen.textContent()).includes('Checkout errors at 3 a.m.')) {
    await page.locator(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`).check();
  }
  // the scenario by its name, not its id
  await expect(chosen).toHaveText('Scenario: Checkout errors at 3 a.m. on a Saturday');
  return problems;
}

test('a 1,000-run study equals `rungs simulate --runs 1000 --seed 7` exactly', async ({ page }) => {
  const problems = await openStudy(page);
  await page.locator(sel('STUDY_RUNS')).fill('1000');
  await page.locator(sel('STUDY_SEED')).fill('7');
  // the workers were started with the page, before Start
  expect(await workers(page)).toBe(await cores(page));
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.locator(sel('STUDY_PROGRESS'))).toHaveAttribute('value', '1000');
  const cli = simulate('--runs', '1000', '--seed', '7');
  const shown = await page.locator(sel('STUDY_JSON')).textContent();
  expect(JSON.parse(shown)).toEqual(JSON.parse(cli));
  expect(shown).toBe(cli); // byte for byte, floats included
  if (process.env.RUNGS_SCREENSHOTS) {
    // the sticky top bar would cover the element in its screenshot
    await page.evaluate(() => { document.querySelector('.topbar').style.position = 'static'; });
    await page.locator(sel('STUDY')).screenshot({ path: 'docs/study.png' });
  }
  const summary = JSON.parse(cli);
  expect(summary.runs).toBe(1000);
  expect(summary.seed).toBe(7);

  // what the summary says is on show: four histograms, target lines where tiers set one
  const histograms = page.locator(sel('STUDY_HISTOGRAM'));
  await expect(histograms).toHaveCount(4);
  await expect(histograms.locator('rect.bar')).toHaveCount(4 * 20);
  const targets = Object.values(summary.figures).filter((f) => f.histogram.target !== null).length;
  await expect(histograms.locator('line.mark.target')).toHaveCount(targets);
  // median and p90 marked on every histogram, a count axis up the side, round time ticks
  await expect(histograms.locator('line.mark.median')).toHaveCount(4);
  await expect(histograms.locator('line.mark.p90')).toHaveCount(4);
  await expect(histograms.first().locator('text.axis-label').first()).toHaveText('0');
  await expect(histograms.first()).toContainText(/Runs per \S+ bin \(count axis up to \d+\)/);
  // the target names its tier by name
  await expect(histograms.filter({ hasText: 'Time to acknowledge' }).locator('text.mark-label.target')).toContainText(/target \S+ \(SEV\d [A-Z]/);
  const ack = summary.figures.time_to_acknowledge;
  await expect(histograms.filter({ hasText: 'Time to acknowledge' })).toContainText(`reached in ${ack.reached} of ${summary.incidents}`);
  const sev1 = summary.breach_rate.sev1;
  const firstRow = page.locator(`${sel('STUDY_BREACH_RATES')} tbody tr`).first();
  await expect(firstRow).toContainText(
    `${(sev1.acknowledge * 100).toFixed(1)}% (${summary.breach_count.sev1.acknowledge})`,
  );
  await expect(firstRow).toContainText(`reached in ${summary.tier_reached.sev1.toLocaleString('en-US')} incidents`);
  await expect(page.locator(sel('STUDY_BREACH_NOTE'))).toContainText(`share of all ${summary.incidents.toLocaleString('en-US')} detected incidents`);
  // a tier no incident reached says so instead of 0.0%
  const rows = page.locator(`${sel('STUDY_BREACH_RATES')} tbody tr`);
  const neverReached = (await rows.count()) - Object.keys(summary.tier_reached).length;
  expect(neverReached).toBeGreaterThan(0);
  await expect(rows.filter({ hasText: 'never reached' })).toHaveCount(neverReached);
  await expect(rows.filter({ hasText: 'never reached' }).first().locator('td').first()).toHaveText('not reached');
  const precursor = summary.breach_precursor.sev1;
  await expect(page.locator(sel('STUDY_PRECURSOR'))).toContainText(`before ${precursor.breaches} of its breaches`);
  // the steps' targets by name, not "rotation apac-primary"
  await expect(page.locator(sel('STUDY_PRECURSOR'))).toContainText('APAC primary');
  await expect(page.locator(sel('STUDY_PRECURSOR'))).not.toContainText('rotation ');
  await expect(page.locator(sel('STUDY_RESULTS'))).toContainText('1,000 runs, seeds 7..1006: an incident was detected in 1,000.');
  await expect(page.locator(`${sel('STUDY_PAGES')} tbody tr`)).toHaveCount(Object.keys(summary.pages_per_person).length);
  // people by name, not by id
  await expect(page.locator(`${sel('STUDY_PAGES')} tbody th`).first()).toHaveText('Ana Lima');
  await expect(page.locator(sel('STUDY_STATUS'))).toHaveText(/^1,000 runs of Checkout errors at 3 a\.m\. on a Saturday \(seed 7\) in [\d.]+ s$/);
  // the times stay readable for measurement scripts
  expect(Number(await page.locator(sel('STUDY_STATUS')).getAttribute('data-worker-ms'))).toBeGreaterThan(0);

  // a second study reuses the same workers and is just as exact
  await page.locator(sel('STUDY_RUNS')).fill('500');
  await page.locator(sel('STUDY_SEED')).fill('8');
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY_STATUS'))).toContainText('500 runs of Checkout errors at 3 a.m. on a Saturday (seed 8)', { timeout: 20_000 });
  expect(await page.locator(sel('STUDY_JSON')).textContent()).toBe(simulate('--runs', '500', '--seed', '8'));
  expect(await workers(page)).toBe(await cores(page));
  expect(problems).toEqual([]);
});

test('a study dealt to five workers is the command line’s, byte for byte', async ({ page }) => {
  // a browser that reports five cores
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 5 }));
  const problems = await openStudy(page);
  expect(await workers(page)).toBe(5);
  await page.locator(sel('STUDY_RUNS')).fill('12345');
  await page.locator(sel('STUDY_SEED')).fill('11');
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.locator(sel('STUDY_PROGRESS'))).toHaveAttribute('value', '12345');
  // the 11 blocks of the plan (sim::handout) went to every worker; the four that finished
  // first handed their tallies in, and the last merged them
  expect(await page.evaluate(() => window.__dealt.size)).toBe(5);
  const sent = await page.evaluate(() => window.__sent);
  const count = (kind) => sent.filter(([, k]) => k === kind).length;
  expect([count('run'), count('hand'), count('merge')]).toEqual([11, 4, 1]);
  const merger = sent.find(([, k]) => k === 'merge')[0];
  expect(sent.filter(([w, k]) => k === 'hand' && w === merger)).toEqual([]);
  expect(await page.locator(sel('STUDY_JSON')).textContent()).toBe(simulate('--runs', '12345', '--seed', '11'));
  expect(problems).toEqual([]);
});

test('the default seed is the scenario’s', async ({ page }) => {
  await openStudy(page);
  await page.locator(sel('STUDY_RUNS')).fill('100');
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect(await page.locator(sel('STUDY_JSON')).textContent()).toBe(simulate('--runs', '100'));
});

test('runs outside 100 to 100,000 are refused with a message', async ({ page }) => {
  await openStudy(page);
  for (const runs of ['99', '100001', '', '250.5']) {
    await page.locator(sel('STUDY_RUNS')).fill(runs);
    await page.locator(sel('STUDY_START')).click();
    await expect(page.locator(sel('STUDY_ERROR'))).toContainText('from 100 to 100,000');
    await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'idle');
  }
});

test('a long study shows progress, keeps the page answering and can be cancelled', async ({ page }) => {
  const problems = await openStudy(page);
  await page.evaluate(() => { window.__holdDone = true; });
  await page.locator(sel('STUDY_RUNS')).fill('100000');
  await page.locator(sel('STUDY_START')).click();
  const study = page.locator(sel('STUDY'));
  await expect(study).toHaveAttribute('data-state', 'running');
  await expect(page.locator(sel('STUDY_START'))).toBeDisabled();
  // the bar moves
  await expect
    .poll(async () => Number(await page.locator(sel('STUDY_PROGRESS')).getAttribute('value')), { timeout: 10_000 })
    .toBeGreaterThan(0);
  // the page answers while the worker runs: typing in the seed field shows at once
  await page.locator(sel('STUDY_SEED')).fill('123');
  await expect(page.locator(sel('STUDY_SEED'))).toHaveValue('123');
  await expect(study).toHaveAttribute('data-state', 'running');
  await page.locator(sel('STUDY_CANCEL')).click();
  await expect(study).toHaveAttribute('data-state', 'cancelled');
  await expect(page.locator(sel('STUDY_STATUS'))).toHaveText('Cancelled.');
  await expect(page.locator(sel('STUDY_RESULTS'))).toHaveCount(0);
  await expect(page.locator(sel('STUDY_START'))).toBeEnabled();
  // cancelling ended those workers; fresh ones take the next study
  expect(await workers(page)).toBe(2 * (await cores(page)));
  await page.evaluate(() => { window.__holdDone = false; });
  await page.locator(sel('STUDY_RUNS')).fill('200');
  await page.locator(sel('STUDY_START')).click();
  await expect(study).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect(await page.locator(sel('STUDY_JSON')).textContent()).toBe(simulate('--runs', '200', '--seed', '123'));
  expect(await workers(page)).toBe(2 * (await cores(page)));
  expect(problems).toEqual([]);
});

test('a running study redraws its progress at most every 100 ms, however often its workers report', async ({ page }) => {
  const problems = await openStudy(page);
  await page.locator(sel('STUDY_RUNS')).fill('100000');
  await page.evaluate(([bar, study]) => {
    // the page's clock stands still while the study runs, but for one step of 100 ms
    // (PROGRESS_REDRAW_MS) after the first draw: so the first report is drawn, the next
    // one after the step, then none until every run is made
    window.__now = Date.now();
    Date.now = () => window.__now;
    window.__replies.length = 0;
    window.__drawn = [];
    let shown = document.querySelector(bar).getAttribute('value');
    new MutationObserver(() => {
      const value = document.querySelector(bar).getAttribute('value');
      if (value !== shown && document.querySelector(study).dataset.state === 'running') {
        window.__drawn.push(Number(value));
        if (window.__drawn.length === 1) window.__now += 100;
      }
      shown = value;
    }).observe(document.querySelector(bar), { attributes: true, attributeFilter: ['value'] });
  }, [sel('STUDY_PROGRESS'), sel('STUDY')]);
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  // the workers reported many times: the end of each block (at least five with any
  // number of workers) and their progress every 50 ms of their own clocks
  const reports = await page.evaluate(() => window.__replies.filter((k) => k === 'ran' || k === 'progress').length);
  expect(reports).toBeGreaterThanOrEqual(5);
  // no block holds more than half the runs, so the second report never makes them all
  const drawn = await page.evaluate(() => window.__drawn);
  expect(drawn).toHaveLength(3);
  expect(drawn[0]).toBeGreaterThan(0);
  expect(drawn[1]).toBeGreaterThan(drawn[0]);
  expect(drawn[2]).toBe(100000);
  await expect(page.locator(sel('STUDY_PROGRESS'))).toHaveAttribute('value', '100000');
  expect(problems).toEqual([]);
});

test.describe('accessibility', () => {
  // axe is injected as a script; the app's Content-Security-Policy would refuse it.
  test.use({ bypassCSP: true });
  test('the results pass axe (WCAG 2.1 A and AA)', async ({ page }) => {
    await openStudy(page);
    await page.locator(sel('STUDY_RUNS')).fill('500');
    await page.locator(sel('STUDY_START')).click();
    await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    await page.locator(`${sel('STUDY_RESULTS')} details summary`).click();
    // the charts come from the extras module: check them drawn
    await expect(page.locator(sel('STUDY_HISTOGRAM'))).toHaveCount(4);
    await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document.querySelector('[data-testid="study"]'), {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    });
    expect(violations).toEqual([]);
  });
});

test('a study’s results and inputs survive a visit to another page; one under way stops and says so', async ({ page }) => {
  const problems = await openStudy(page);
  await page.locator(sel('STUDY_RUNS')).fill('300');
  await page.locator(sel('STUDY_SEED')).fill('9');
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const shown = await page.locator(sel('STUDY_JSON')).textContent();
  await page.locator(sel('NAV_DESIGN')).click();
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'done');
  expect(await page.locator(sel('STUDY_JSON')).textContent()).toBe(shown);
  await expect(page.locator(sel('STUDY_RUNS'))).toHaveValue('300');
  await expect(page.locator(sel('STUDY_SEED'))).toHaveValue('9');
  // a long study left under way: stopped, the last result still on show
  await page.locator(sel('STUDY_RUNS')).fill('100000');
  await page.locator(sel('STUDY_START')).click();
  await expect(page.locator(sel('STUDY'))).toHaveAttribute('data-state', 'running');
  await page.locator(sel('NAV_SHARE')).click();
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(sel('STUDY_STATUS'))).toContainText('Stopped when you left the drill room');
  expect(await page.locator(sel('STUDY_JSON')).textContent()).toBe(shown);
  expect(problems).toEqual([]);
});
