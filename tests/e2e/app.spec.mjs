// The app as a person meets it: open it, read the ladder, switch examples and pages.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { sel } from './testids.mjs';
import { BUDGETS, firstLoad, total } from '../../scripts/budget.mjs';

const example = (key) => JSON.parse(readFileSync(new URL(`../../public/examples/${key}.json`, import.meta.url), 'utf8'));
const saas = example('saas');

/** Opens the app and collects page errors and console errors. */
async function open(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto('/');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
  return problems;
}

/** Opens an example from the start page; it becomes a new ladder in the library. */
async function openExample(page, key) {
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.locator(`${sel('TEMPLATE_CARD')}[data-key="${key}"] button`).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(example(key).name);
}

test('opens on the SaaS example with every tier and rotation visible, and no error', async ({ page }) => {
  const problems = await open(page);
  const tiers = [...saas.tiers].sort((a, b) => a.rank - b.rank).map((t) => t.name);
  await expect(page.locator(sel('RUNG_NAME'))).toHaveText(tiers);
  for (const name of tiers) await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.locator(sel('ROTATION_NAME'))).toHaveText(saas.rotations.map((r) => r.name));
  for (const r of saas.rotations) {
    await expect(page.locator(sel('ROTATION_NAME')).getByText(r.name, { exact: true })).toBeVisible();
  }
  await expect(page.locator(sel('TRIGGER'))).toHaveCount(saas.triggers.length);
  // the most severe rung is drawn above the least severe one
  const top = await page.locator(sel('RUNG')).first().boundingBox();
  const bottom = await page.locator(sel('RUNG')).last().boundingBox();
  expect(top.y).toBeLessThan(bottom.y);
  await page.screenshot({ path: 'tests/e2e/results/overview.png', fullPage: true });
  // `RUNGS_SCREENSHOTS=1 make test` refreshes the README's screenshot (review it before committing).
  if (process.env.RUNGS_SCREENSHOTS) {
    await page.screenshot({ path: 'docs/screenshot.png' });
    await page.locator('.diagram-panel').screenshot({ path: 'docs/diagram.png' });
    await page.locator(sel('HEATMAP')).screenshot({ path: 'docs/coverage.png' });
    await page.locator('.d-rung').first().click();
    await page.locator('#inspector').evaluate((e) => e.scrollIntoView());
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/designer.png' });
  }
  expect(problems).toEqual([]);
});

test('the start page opens the other examples as new ladders in the library', async ({ page }) => {
  const problems = await open(page);
  for (const key of ['startup', 'fintech']) {
    await openExample(page, key);
    await expect(page.locator(sel('RUNG'))).toHaveCount(example(key).tiers.length);
  }
  await page.locator(sel('NAV_LIBRARY')).click();
  await expect(page.locator(sel('LIBRARY_ENTRY'))).toHaveCount(3);
  expect(problems).toEqual([]);
});

test('Drill and Share are reachable from the keyboard', async ({ page }) => {
  const problems = await open(page);
  await page.locator(sel('NAV_DRILL')).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(sel('SCENARIO'))).toHaveCount(saas.scenarios.length);
  await expect(page.locator(sel('NAV_DRILL'))).toHaveAttribute('aria-current', 'page');
  await page.locator(sel('NAV_SHARE')).click();
  const json = JSON.parse(await page.locator(sel('SHARE_JSON')).textContent());
  expect(json.name).toBe(saas.name);
  expect(json.tiers.map((t) => t.id)).toEqual(saas.tiers.map((t) => t.id));
  expect(problems).toEqual([]);
});

test('a Content-Security-Policy allows only the app\'s own scripts, and the app runs under it', async ({ page }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems = await open(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).not.toContain('unsafe-inline');
  // exercise the designer: the diagram, the inspector and the heatmap all render
  await page.locator('.d-rung').first().click();
  await expect(page.locator(sel('INSPECTOR'))).toContainText('Tier:');
  await expect(page.locator(sel('HEATMAP'))).toBeVisible();
  // an injected inline script is refused
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return window.__injected === true;
  });
  expect(ran).toBe(false);
  const violations = await page.evaluate(() => window.__violations);
  expect(violations).toEqual(['script-src-elem inline']);
  expect(problems.filter((p) => !p.includes('Content Security Policy'))).toEqual([]);
});

test('the page\'s frame paints before the wasm arrives, then gives way to the app', async ({ page }) => {
  // without the wasm, index.html alone: the top bar and a line that says what is coming
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.abort(); });
  await page.goto('/');
  await expect(page.locator('#boot .topbar .brand-name')).toHaveText('Rungs');
  await expect(page.locator('#boot .boot-msg')).toHaveText('Loading the ladder…');
  // a wasm that never arrives: the frame says so, and what to do
  release();
  await expect(page.locator('#boot .boot-msg')).toContainText('Rungs could not be loaded');
  await expect(page.locator('#boot .boot-msg')).toContainText('reload the page');
  await page.unroute('**/*_bg.wasm');
  await page.goto('/');
  await expect(page.locator(sel('LADDER_NAME'))).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('header.topbar')).toHaveCount(1);
});

test('every compressible file of the build has gzip and Brotli twins with the same bytes', async () => {
  const { readdirSync, statSync } = await import('node:fs');
  const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
  const { join, extname } = await import('node:path');
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const files = walk('dist').filter((f) => ['.html', '.js', '.wasm', '.css', '.json'].includes(extname(f)));
  // the app, the viewer module, the study worker, the on-demand worker and the extras module
  expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(5);
  for (const file of files) {
    const body = readFileSync(file);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(body), file).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(body), file).toBe(true);
  }
});

test('the drill room\'s module (live drill, study) starts loading as the pointer reaches the Drill tab, before the click', async ({ page }) => {
  const problems = await open(page);
  const extras = [];
  page.on('request', (r) => /rungs-extras.*\.wasm$/.test(r.url()) && extras.push(r.url()));
  await page.waitForTimeout(300);
  expect(extras).toEqual([]);
  const fetched = page.waitForRequest((r) => /rungs-extras.*\.wasm$/.test(r.url()));
  await page.locator(sel('NAV_DRILL')).hover();
  await fetched;
  // still on the Design page; the drill room then opens with its live drill and study
  await expect(page.locator(sel('LIVE_DRILL'))).toHaveCount(0);
  await page.locator(sel('NAV_DRILL')).click();
  await expect(page.locator(sel('LIVE_DRILL'))).toBeVisible();
  await expect(page.locator(sel('STUDY'))).toBeVisible();
  expect(extras.length).toBe(1);
  expect(problems).toEqual([]);
});

test('the bytes the first tier needs stay within the budget, for the app and for a share link\'s viewer', async () => {
  // sizes are deterministic: this holds every later feature to the first loads' budgets
  const expected = {
    rungs: ['index.html', 'main.css', 'rungs.js', 'snippets/rungs/inline0.js', 'rungs_bg.wasm'],
    'rungs-viewer': ['index.html', 'main.css', 'rungs-viewer.js', 'snippets/rungs/inline1.js', 'rungs-viewer_bg.wasm'],
  };
  for (const [name, budget] of Object.entries(BUDGETS)) {
    const rows = firstLoad('dist', name);
    expect(rows.map((r) => r.file.replace(/-[0-9a-f]{1,16}(?=[._/])/g, ''))).toEqual(expected[name]);
    expect(total(rows), rows.map((r) => `${r.file}: ${r.gzip} B`).join(', ')).toBeLessThanOrEqual(budget);
  }
  // the viewer is the smaller load, or the split buys nothing
  const bytes = (name) => total(firstLoad('dist', name));
  expect(bytes('rungs-viewer')).toBeLessThan(bytes('rungs') / 2);
});

test('the served schema and examples are the checked-in files', async ({ request }) => {
  for (const path of ['schema/ladder.v1.schema.json', 'schema/scenario.v1.schema.json', 'examples/saas.json']) {
    const res = await request.get(path);
    expect(res.ok()).toBeTruthy();
    expect(await res.text()).toBe(readFileSync(new URL(`../../public/${path}`, import.meta.url), 'utf8'));
  }
});

test('a share link on a phone opens a viewer: the tiers on the first screen, who is on call, one action, no editor', async ({ page, browser }) => {
  const problems = await open(page);
  await page.locator(sel('NAV_SHARE')).click();
  const link = await page.locator(sel('SHARE_LINK')).inputValue();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const other = await phone.newPage();
  other.on('pageerror', (e) => problems.push(e.message));
  await other.clock.setFixedTime(new Date('2026-03-14T03:00:00Z'));
  await other.goto(link);
  const first = other.locator(sel('VIEWER_TIER')).first();
  await expect(first.locator('h2')).toHaveText('SEV1 Critical');
  // the first tier starts on the first screen, not thousands of pixels down
  expect((await first.boundingBox()).y).toBeLessThan(844);
  await expect(first.locator('.viewer-step').first()).toContainText('On call now: Emi Sato via APAC primary');
  await expect(other.locator(sel('VIEWER_CONTACTS'))).toContainText('Emi Sato');
  // one action, and nothing that looks editable
  await expect(other.locator(sel('MAKE_COPY'))).toBeVisible();
  await expect(other.locator('input:visible, textarea:visible, select:visible')).toHaveCount(0);
  await expect(other.locator(sel('EDIT'))).toHaveCount(0);
  const overflow = await other.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await other.screenshot({ path: 'tests/e2e/results/phone-viewer.png', fullPage: true });
  await phone.close();
  expect(problems).toEqual([]);
});

test('a phone-width screen shows the ladder without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // at this time of day the week's last day starts near the schedule's right edge: its
  // label once ran 28 px off the page
  await page.clock.setFixedTime(new Date('2026-12-02T00:28:00Z'));
  const problems = await open(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'tests/e2e/results/phone.png' });
  expect(problems).toEqual([]);
});

test('every example validates clean, and the status badge leads to the validation panel', async ({ page }) => {
  const problems = await open(page);
  for (const key of ['saas', 'startup', 'fintech']) {
    await openExample(page, key);
    await expect(page.locator(sel('STATUS'))).toHaveText('valid, no warnings');
    await expect(page.locator(sel('ERROR_COUNT'))).toHaveText('0 errors');
  }
  await page.locator(sel('NAV_SHARE')).click();
  await page.locator(sel('STATUS')).click();
  await expect(page.locator(sel('VALIDATION'))).toBeInViewport();
  expect(problems).toEqual([]);
});

test('typing in the JSON editor updates the ladder and keeps the caret in the editor', async ({ page }) => {
  const problems = await open(page);
  await page.getByText('Edit the ladder as JSON').click();
  await expect(page.locator(sel('SOURCE'))).not.toHaveValue('');
  const area = page.locator(sel('SOURCE'));
  const text = await area.inputValue();
  const at = text.indexOf('Nimbus Cloud Platform') + 'Nimbus Cloud Platform'.length;
  await area.focus();
  await area.evaluate((el, pos) => el.setSelectionRange(pos, pos), at);
  await page.keyboard.type(' EU');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Cloud Platform EU');
  await expect(area).toBeFocused();
  // Break it: the ladder stays, the error says where.
  await page.keyboard.type('"');
  await expect(page.locator(sel('STALE'))).toBeVisible();
  await expect(page.locator(sel('STATUS'))).toHaveText('1 error · 0 warnings');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Cloud Platform EU');
  await page.keyboard.press('Backspace');
  await expect(page.locator(sel('STALE'))).toHaveCount(0);
  // Opening an example keeps the edited ladder in the library.
  await openExample(page, 'startup');
  await page.locator(sel('NAV_LIBRARY')).click();
  await expect(page.locator(sel('LIBRARY_ENTRY'))).toHaveCount(2);
  const names = await page.locator(`${sel('LIBRARY_ENTRY')} input`).evaluateAll((els) => els.map((e) => e.value));
  expect(names.sort()).toEqual(['Loaf & Ledger', 'Nimbus Cloud Platform EU']);
  expect(problems).toEqual([]);
});

test('a share link opens the same ladder read-only in a fresh browser, and a copy can be edited', async ({ page, browser }) => {
  await open(page);
  await openExample(page, 'startup');
  await page.locator(sel('NAV_SHARE')).click();
  const link = await page.locator(sel('SHARE_LINK')).inputValue();
  expect(link).toContain('#ladder=1.');
  expect(link.length).toBeLessThan(2100);
  const fresh = await browser.newContext(); // empty storage
  const other = await fresh.newPage();
  const problems = [];
  other.on('pageerror', (e) => problems.push(e.message));
  await other.goto(link);
  await expect(other.locator(sel('LADDER_NAME'))).toHaveText('Loaf & Ledger');
  // it opens in the viewer: the tiers to read, no editor
  await expect(other.locator(sel('VIEWER_TIER'))).toHaveCount(3);
  await expect(other.locator(sel('UNDO'))).toHaveCount(0);
  await expect(other.locator(sel('IMPORT'))).toHaveCount(0);
  await expect(other.locator(sel('INSPECTOR'))).toHaveCount(0);
  await expect(other.locator(sel('SHARED'))).toBeVisible();
  await expect(other.locator(sel('SOURCE'))).toBeHidden();
  await other.locator(sel('MAKE_COPY')).click();
  await expect(other.locator(sel('SHARED'))).toHaveCount(0);
  await other.getByText('Edit the ladder as JSON').click();
  await expect(other.locator(sel('SOURCE'))).not.toHaveValue('');
  await expect(other.locator(sel('SOURCE'))).toBeVisible();
  expect(new URL(other.url()).hash).toBe('');
  expect(problems).toEqual([]);
  await fresh.close();
});

test('a damaged share link says what is wrong and shows the start page', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  for (const [fragment, words] of [
    ['#ladder=1.AAAA', 'cut short or corrupted'],
    ['#ladder=1.%3Cscript%3E', 'damaged'],
    ['#ladder=9.xyz', 'another version of Rungs'],
  ]) {
    await page.goto('about:blank'); // a new fragment alone would not reload the app
    await page.goto('/' + fragment);
    await expect(page.locator(sel('LINK_ERROR'))).toContainText(words);
    await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
    await expect(page.locator(sel('SHARED'))).toHaveCount(0);
  }
  expect(problems).toEqual([]);
});

test('a share link loads the viewer module alone; a tab or Make a copy brings in the app, which does what was asked', async ({ page, browser }) => {
  await open(page);
  await page.locator(sel('NAV_SHARE')).click();
  const link = await page.locator(sel('SHARE_LINK')).inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = [];
  other.on('pageerror', (e) => problems.push(e.message));
  other.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const wasm = [];
  other.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname.split('/').pop()));
  await other.goto(link);
  await expect(other.locator(sel('VIEWER_TIER')).first()).toBeVisible();
  await expect(other.locator(sel('SHARED'))).toBeVisible();
  await other.waitForTimeout(300);
  // the reader's first load: the viewer's wasm, not the app's
  expect(wasm).toEqual(['rungs-viewer_bg.wasm']);
  await expect(other.locator(sel('STATUS'))).toHaveCount(0);

  // the app cannot be loaded: the viewer says so, stays readable, and the user can try again
  const app = /\/rungs-[0-9a-f]{1,16}_bg\.wasm$/;
  await other.route(app, (route) => route.abort());
  await other.locator(sel('NAV_DRILL')).click();
  await expect(other.locator(sel('HAND_OVER_ERROR'))).toContainText('The designer could not be loaded');
  await expect(other.locator(sel('VIEWER_TIER')).first()).toBeVisible();
  await expect(other.locator(sel('MAKE_COPY'))).toBeEnabled();
  await other.unroute(app);

  // the pointer on Make a copy starts fetching the app, which starts only when asked
  const fetched = other.waitForResponse((r) => app.test(new URL(r.url()).pathname) && r.ok());
  await other.locator(sel('MAKE_COPY')).hover();
  await fetched;
  await other.waitForTimeout(300);
  await expect(other.locator('#boot')).toHaveCount(1);
  await expect(other.locator(sel('STATUS'))).toHaveCount(0);
  const appWasm = () => wasm.filter((w) => app.test(`/${w}`));
  const requested = appWasm().length;

  // the Drill tab: the app loads and opens the drill room on the shared ladder, still read-only
  await other.locator(sel('NAV_DRILL')).click();
  await expect(other.locator(sel('NAV_DRILL'))).toHaveAttribute('aria-current', 'page');
  await expect(other.locator(sel('LIVE_DRILL'))).toBeVisible();
  await expect(other.locator(sel('SHARED'))).toHaveCount(1);
  await expect(other.locator(sel('STATUS'))).toHaveText('valid, no warnings');
  await expect(other.locator('#boot')).toHaveCount(0);
  // the app's wasm was fetched once more, by the pointer on Make a copy: the Drill tab
  // used that download
  expect(appWasm()).toHaveLength(requested);
  // from now on the tabs are the app's: Design shows the same viewer
  await other.locator(sel('NAV_DESIGN')).click();
  await expect(other.locator(sel('VIEWER_TIER')).first()).toBeVisible();
  await expect(other.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
  expect(problems.filter((p) => !/_bg\.wasm|net::ERR_FAILED/.test(p))).toEqual([]);
  await fresh.close();
});

test('edits survive a reload, and the downloaded JSON passes rungs validate', async ({ page }) => {
  const problems = await open(page);
  await page.getByText('Edit the ladder as JSON').click();
  await expect(page.locator(sel('SOURCE'))).not.toHaveValue('');
  const area = page.locator(sel('SOURCE'));
  await area.fill((await area.inputValue()).replace('Nimbus Cloud Platform', 'Nimbus Staging'));
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Staging');
  await page.reload();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Nimbus Staging');
  await page.locator(sel('NAV_SHARE')).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(sel('DOWNLOAD')).click()]);
  expect(download.suggestedFilename()).toBe('nimbus-staging.json');
  const file = 'tests/e2e/results/nimbus-staging.json';
  await download.saveAs(file);
  // the command line built by the native tests checks the exported file
  const out = execFileSync('target/debug/rungs', ['validate', file], { encoding: 'utf8' });
  expect(out).toContain('valid, 0 errors');
  expect(JSON.parse(readFileSync(file, 'utf8')).name).toBe('Nimbus Staging');
  expect(problems).toEqual([]);
});

test('when the browser refuses to store the ladder the user is told at once', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  await expect(page.locator(sel('STORAGE_ERROR'))).toContainText('The quota has been exceeded.');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
});

test('making a copy of a shared ladder adds it to the library and keeps the draft', async ({ page }) => {
  await open(page);
  await openExample(page, 'fintech');
  await page.locator(sel('NAV_SHARE')).click();
  const link = await page.locator(sel('SHARE_LINK')).inputValue();
  // Edit the ladder, then open the link in the same browser.
  await page.locator(sel('NAV_DESIGN')).click();
  await page.getByText('Edit the ladder as JSON').click();
  await expect(page.locator(sel('SOURCE'))).not.toHaveValue('');
  const area = page.locator(sel('SOURCE'));
  await area.fill((await area.inputValue()).replace('Meridian Pay', 'Meridian Pay (draft)'));
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Meridian Pay (draft)');
  await page.waitForTimeout(400); // past the autosave pause
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Meridian Pay');
  await expect(page.locator(sel('SHARED'))).toBeVisible();
  await page.locator(sel('MAKE_COPY')).click();
  await expect(page.locator(sel('SHARED'))).toHaveCount(0);
  await page.locator(sel('NAV_LIBRARY')).click();
  const names = await page.locator(`${sel('LIBRARY_ENTRY')} input`).evaluateAll((els) => els.map((e) => e.value));
  expect(names).toContain('Meridian Pay (draft)');
  expect(names).toContain('Meridian Pay');
});

test('importing a broken file shows its errors and changes nothing; a good file opens', async ({ page }) => {
  const problems = await open(page);
  const input = page.locator(sel('IMPORT'));
  const broken = readFileSync(new URL('../../public/examples/startup.json', import.meta.url), 'utf8').replace('"escalate_after": "10m"', '"escalate_afer": "10m"');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(page.locator(sel('IMPORT_ERROR'))).toContainText("broken.json: line");
  await expect(page.locator(sel('IMPORT_ERROR'))).toContainText("unknown field `escalate_afer`, did you mean `escalate_after`?");
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
  await page.locator(sel('NAV_LIBRARY')).click();
  await expect(page.locator(sel('LIBRARY_ENTRY'))).toHaveCount(1);
  const good = readFileSync(new URL('../../public/examples/fintech.json', import.meta.url));
  await input.setInputFiles({ name: 'meridian.json', mimeType: 'application/json', buffer: good });
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Meridian Pay');
  await expect(page.locator(sel('IMPORT_ERROR'))).toHaveCount(0);
  await expect(page.locator(sel('STATUS'))).toHaveText('valid, no warnings');
  expect(problems).toEqual([]);
});
