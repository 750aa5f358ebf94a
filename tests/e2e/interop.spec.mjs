// Issue 14 and 15 in the browser: importing a paging tool's policy (the dialog, its notes
// and a failure that changes nothing), exporting Terraform from the Share page, and the
// History panel (save a version, edit, compare, restore). Each result is held to what
// the command line built by the native tests says for the same input.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { sel } from './testids.mjs';

const fixtures = 'crates/rungs-interop/tests/fixtures';
const saas = JSON.parse(readFileSync(new URL('../../public/examples/saas.json', import.meta.url), 'utf8'));

/** Opens the app, collecting page errors and console errors. */
async function open(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto('/');
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
  return problems;
}

/** The library as stored: each entry's id and name. */
const entries = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('rungs.library') ?? '[]'));

/** Opens the import panel on the Ladders page. */
async function importPanel(page) {
  await page.locator(sel('NAV_LIBRARY')).click();
  await page.locator(sel('IMPORT_OPEN_PANEL')).click();
  await expect(page.locator(sel('IMPORT_PANEL'))).toBeVisible();
}

test('importing PagerDuty files shows the notes the command line gives and opens the ladder as a new entry', async ({ page }) => {
  const problems = await open(page);
  const before = await entries(page);
  await importPanel(page);
  await page.locator(sel('IMPORT_SYSTEM')).selectOption('pagerduty');
  const files = ['policies.json', 'schedules.json', 'users.json'].map((f) => `${fixtures}/pagerduty/${f}`);
  await page.locator(sel('IMPORT_FILES')).setInputFiles(files);
  await expect(page.locator(`${sel('IMPORT_PANEL')} .import-files li`)).toHaveCount(3);
  await page.locator(sel('IMPORT_START')).click();
  const result = page.locator(sel('IMPORT_RESULT'));
  await expect(result).toBeVisible({ timeout: 30_000 });

  // the same files through `rungs import --format json`
  const cli = JSON.parse(execFileSync('target/debug/rungs', ['import', 'pagerduty', ...files, '--format', 'json'], { encoding: 'utf8' }));
  await expect(result).toContainText(`${cli.ladder.tiers.length} tier`);
  const notes = page.locator(sel('INTEROP_NOTE'));
  await expect(notes).toHaveCount(cli.notes.length);
  const shown = await notes.allInnerTexts();
  for (const [i, n] of cli.notes.entries()) {
    expect(shown[i]).toContain(n.message);
    const file = n.source.file.split('/').pop();
    expect(shown[i]).toContain(n.source.pointer !== undefined ? `${file} at ${n.source.pointer}` : `${file}:${n.source.line}`);
    expect(shown[i]).toContain(n.severity === 'warning' ? '⚠ Warning' : 'ℹ Note');
  }
  await page.locator(sel('IMPORT_PANEL')).screenshot({ path: 'tests/e2e/results/import-pagerduty.png' });
  // no stray text between the notes' summary and their list
  await expect(page.locator('.interop-notes')).not.toContainText('0 >');

  await page.locator(sel('IMPORT_OPEN')).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(cli.ladder.name);
  await expect(page.locator(sel('RUNG'))).toHaveCount(cli.ladder.tiers.length);
  const after = await entries(page);
  expect(after.length).toBe(before.length + 1);
  const text = await page.evaluate((id) => localStorage.getItem(`rungs.ladder.${id}`), after.find((e) => !before.some((b) => b.id === e.id)).id);
  expect(JSON.parse(text)).toEqual(cli.ladder);
  expect(problems).toEqual([]);
});

test('a Terraform file dropped into the panel imports; a broken document says where and changes nothing', async ({ page }) => {
  const problems = await open(page);
  const before = await entries(page);
  await importPanel(page);
  await page.locator(sel('IMPORT_SYSTEM')).selectOption('terraform');
  // dropping several files on the panel: a DataTransfer made in the page
  const tf = readFileSync(`${fixtures}/grafana/oncall.tf`, 'utf8');
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'oncall.tf', { type: 'text/plain' }));
    return d;
  }, tf);
  await page.locator(sel('IMPORT_PANEL')).dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.locator(`${sel('IMPORT_PANEL')} .import-files li`)).toHaveCount(1);
  // the page's own drop (open one Rungs ladder) did not run
  await expect(page.locator(sel('IMPORT_ERROR'))).toHaveCount(0);
  await page.locator(sel('IMPORT_START')).click();
  await expect(page.locator(sel('IMPORT_RESULT'))).toBeVisible({ timeout: 30_000 });
  const cli = JSON.parse(execFileSync('target/debug/rungs', ['import', 'terraform', `${fixtures}/grafana/oncall.tf`, '--format', 'json'], { encoding: 'utf8' }));
  await expect(page.locator(sel('IMPORT_RESULT'))).toContainText(`Imported “${cli.ladder.name}”`);

  // a broken document: the error says where; nothing is added to the library
  await page.locator(`${sel('IMPORT_PANEL')} .import-files button`).click();
  await page.locator(sel('IMPORT_SYSTEM')).selectOption('opsgenie');
  await page.locator(sel('IMPORT_PASTE')).fill('{"data": [ {"name": "Broken", }');
  await page.locator(sel('IMPORT_START')).click();
  const failed = page.locator(sel('IMPORT_FAILED'));
  await expect(failed).toContainText('Nothing was imported: pasted text:1:');
  await expect(page.locator(sel('IMPORT_RESULT'))).toHaveCount(0);
  // a value of the wrong type: the pointer
  await page.locator(sel('IMPORT_PASTE')).fill(readFileSync(`${fixtures}/opsgenie/hostile_wrong_type.json`, 'utf8'));
  await page.locator(sel('IMPORT_START')).click();
  await expect(failed).toContainText('pasted text at /');
  expect(await entries(page)).toEqual(before);
  await expect(page.locator(sel('LADDER_NAME'))).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('files dropped on the page: a Rungs ladder opens, other tools\' documents go to the import panel with their system recognised', async ({ page }) => {
  const problems = await open(page);
  const before = await entries(page);
  const names = ['policies.json', 'users.json'];
  const texts = names.map((f) => readFileSync(`${fixtures}/pagerduty/${f}`, 'utf8'));
  const startup = readFileSync('public/examples/startup.json', 'utf8');
  // dropped on the Design page, away from any panel
  const dt = await page.evaluateHandle(({ names, texts, startup }) => {
    const d = new DataTransfer();
    names.forEach((n, i) => d.items.add(new File([texts[i]], n, { type: 'application/json' })));
    d.items.add(new File([startup], 'startup.json', { type: 'application/json' }));
    return d;
  }, { names, texts, startup });
  await page.locator(sel('APP')).dispatchEvent('drop', { dataTransfer: dt });
  // the Rungs ladder opened as a new entry; the import panel has the others
  await expect.poll(async () => (await entries(page)).length).toBe(before.length + 1);
  expect((await entries(page)).map((e) => e.name)).toContain(JSON.parse(startup).name);
  await expect(page.locator(sel('IMPORT_PANEL'))).toBeVisible();
  await expect(page.locator(`${sel('IMPORT_PANEL')} .import-files li`)).toHaveCount(2);
  await expect(page.locator(sel('IMPORT_SYSTEM'))).toHaveValue('pagerduty');
  await expect(page.locator(sel('IMPORT_RECOGNISED'))).toHaveText("These documents look like PagerDuty's.");
  await expect(page.locator(sel('IMPORT_ERROR'))).toHaveCount(0);
  await page.locator(sel('IMPORT_START')).click();
  const result = page.locator(sel('IMPORT_RESULT'));
  await expect(result).toBeVisible({ timeout: 30_000 });
  const cli = JSON.parse(execFileSync('target/debug/rungs', ['import', 'pagerduty', ...names.map((f) => `${fixtures}/pagerduty/${f}`), '--format', 'json'], { encoding: 'utf8' }));
  await expect(result).toContainText(`Imported “${cli.ladder.name}”: ${cli.ladder.tiers.length} tier`);
  await expect(page.locator(sel('INTEROP_NOTE'))).toHaveCount(cli.notes.length);
  await page.locator(sel('IMPORT_PANEL')).screenshot({ path: 'tests/e2e/results/import-dropped.png' });

  // several documents pasted one after another, with the system chosen by hand
  await page.locator(sel('IMPORT_OPEN_PANEL')).click();
  await expect(page.locator(sel('IMPORT_PANEL'))).toHaveCount(0);
  await page.locator(sel('IMPORT_OPEN_PANEL')).click();
  await expect(page.locator(`${sel('IMPORT_PANEL')} .import-files li`)).toHaveCount(0);
  await page.locator(sel('IMPORT_SYSTEM')).selectOption('pagerduty');
  for (const text of texts) {
    await page.locator(sel('IMPORT_PASTE')).fill(text);
    await page.locator(sel('IMPORT_ADD_PASTED')).click();
    await expect(page.locator(sel('IMPORT_PASTE'))).toHaveValue('');
  }
  await expect(page.locator(`${sel('IMPORT_PANEL')} .import-files li`)).toHaveText([/^pasted document 1/, /^pasted document 2/]);
  await page.locator(sel('IMPORT_START')).click();
  await expect(result).toContainText(`Imported “${cli.ladder.name}”: ${cli.ladder.tiers.length} tier`, { timeout: 30_000 });
  await expect(page.locator(sel('INTEROP_NOTE'))).toHaveCount(cli.notes.length);
  // the same file chosen twice: the newer copy replaces the earlier one, and it says so
  await page.locator(sel('IMPORT_FILES')).setInputFiles(`${fixtures}/pagerduty/users.json`);
  await page.locator(sel('IMPORT_FILES')).setInputFiles(`${fixtures}/pagerduty/users.json`);
  await expect(page.locator(`${sel('IMPORT_PANEL')} .import-files li`)).toHaveCount(3);
  await expect(page.locator(sel('IMPORT_PANEL'))).toContainText('“users.json” was chosen again: the newer copy replaces the earlier one.');
  // a document removed: the note goes, and the next paste gets a name of its own
  await page.getByRole('button', { name: 'Remove pasted document 1' }).click();
  await expect(page.locator(sel('IMPORT_PANEL'))).not.toContainText('was chosen again');
  await page.locator(sel('IMPORT_PASTE')).fill(texts[0]);
  await page.locator(sel('IMPORT_ADD_PASTED')).click();
  await expect(page.locator(`${sel('IMPORT_PANEL')} .import-files li`)).toHaveText([/^pasted document 2/, /^users\.json/, /^pasted document 3/]);
  expect(problems).toEqual([]);
});

test('Export as Terraform downloads what rungs export writes, with its notes', async ({ page }) => {
  const problems = await open(page);
  await page.locator(sel('NAV_SHARE')).click();
  const canonical = await page.locator(sel('SHARE_JSON')).innerText();
  const ladderFile = 'tests/e2e/results/export-saas.json';
  writeFileSync(ladderFile, canonical);
  for (const provider of ['terraform-pagerduty', 'terraform-opsgenie', 'terraform-grafana']) {
    await page.locator(sel('TERRAFORM_PROVIDER')).selectOption(provider);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(sel('TERRAFORM_EXPORT')).click()]);
    const short = provider.replace('terraform-', '');
    expect(download.suggestedFilename()).toMatch(new RegExp(`^[a-z0-9-]+\\.${short}\\.tf$`));
    const path = `tests/e2e/results/export.${short}.tf`;
    await download.saveAs(path);
    const cli = execFileSync('target/debug/rungs', ['export', provider, ladderFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(readFileSync(path, 'utf8')).toBe(cli);
    await expect(page.locator(sel('TERRAFORM_STATUS'))).toContainText('Saved');
    // the SaaS ladder has roles and overrides no provider can express: notes say so
    await expect(page.locator(sel('INTEROP_NOTE')).first()).toBeVisible();
  }
  await page.locator('section[aria-labelledby="terraform-h"]').screenshot({ path: 'tests/e2e/results/export-terraform.png' });
  expect(problems).toEqual([]);
});

test('History: save a version, edit, compare with the diff the command line gives, restore', async ({ page }) => {
  const problems = await open(page);
  await page.locator(sel('HISTORY_OPEN')).click();
  await page.locator(sel('VERSION_NOTE')).fill('Before the review');
  await page.locator(sel('VERSION_SAVE')).click();
  await expect(page.locator(sel('HISTORY_STATUS'))).toContainText('Saved as version 1');
  await expect(page.locator(sel('VERSION'))).toHaveCount(1);
  await expect(page.locator(sel('VERSION')).first()).toContainText('Before the review');

  // an edit: the ladder's name, in the library row
  await page.locator(sel('NAV_LIBRARY')).click();
  const input = page.locator(`${sel('LIBRARY_ENTRY')}.open input`);
  await input.fill('Renamed for review');
  await input.press('Enter');
  await page.locator(`${sel('LIBRARY_ENTRY')}.open ${sel('ENTRY_HISTORY')}`).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText('Renamed for review');
  await expect(page.locator(sel('HISTORY'))).toBeVisible();

  await page.locator(sel('VERSION_COMPARE')).first().click();
  const lines = page.locator(sel('DIFF_LINE'));
  await expect(lines.first()).toBeVisible({ timeout: 30_000 });
  // the same two ladders through `rungs diff --format json`
  const stored = await page.evaluate(() => {
    const id = localStorage.getItem('rungs.library.current');
    return { versions: JSON.parse(localStorage.getItem(`rungs.versions.${id}`)), now: localStorage.getItem(`rungs.ladder.${id}`) };
  });
  writeFileSync('tests/e2e/results/history-old.json', stored.versions[0].text);
  writeFileSync('tests/e2e/results/history-new.json', stored.now);
  let out = '';
  try {
    execFileSync('target/debug/rungs', ['diff', 'tests/e2e/results/history-old.json', 'tests/e2e/results/history-new.json', '--format', 'json'], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit 1: they differ
  }
  const changes = JSON.parse(out);
  await expect(lines).toHaveCount(changes.length);
  const texts = await lines.allInnerTexts();
  changes.forEach((c, i) => {
    expect(texts[i]).toContain(c.summary);
    expect(texts[i]).toContain(c.path);
  });
  await expect(lines.first()).toHaveAttribute('data-op', 'change');
  await expect(lines.first()).toContainText('~ Changed');
  // side by side: the old and new values in two columns
  await page.locator(sel('DIFF_SIDE')).check();
  await expect(page.locator('.diff-cols').first()).toContainText(saas.name);
  await expect(page.locator('.diff-cols').first()).toContainText('Renamed for review');
  await page.locator(sel('HISTORY')).screenshot({ path: 'tests/e2e/results/history-diff.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(sel('HISTORY')).screenshot({ path: 'tests/e2e/results/history-diff-phone.png' });
  await page.setViewportSize({ width: 1280, height: 720 });

  // restore: the name comes back; the renamed ladder is kept as a version before it
  await page.locator(`${sel('VERSION')}[data-n="1"] ${sel('VERSION_RESTORE')}`).click();
  await expect(page.locator(sel('LADDER_NAME'))).toHaveText(saas.name);
  await expect(page.locator(sel('HISTORY_STATUS'))).toContainText('Restored version 1 as version 3');
  await expect(page.locator(sel('VERSION'))).toHaveCount(3);
  await expect(page.locator(`${sel('VERSION')}[data-n="2"]`)).toContainText('Before a restore');
  const kept = await page.evaluate(() => {
    const id = localStorage.getItem('rungs.library.current');
    return JSON.parse(localStorage.getItem(`rungs.versions.${id}`)).map((v) => v.name);
  });
  expect(kept).toEqual([saas.name, 'Renamed for review', saas.name]);
  // sharing keeps a version of what went out
  await page.locator(sel('NAV_SHARE')).click();
  await page.locator(sel('COPY_LINK')).click();
  await page.locator(sel('NAV_DESIGN')).click();
  await expect(page.locator(sel('VERSION'))).toHaveCount(3); // unchanged since the restore: not kept twice
  expect(problems).toEqual([]);
});

test('What if: two versions on a scenario give the verdicts rungs simulate --compare gives', async ({ page }) => {
  const problems = await open(page);
  await page.locator(sel('HISTORY_OPEN')).click();
  await page.locator(sel('VERSION_NOTE')).fill('As shipped');
  await page.locator(sel('VERSION_SAVE')).click();
  await expect(page.locator(sel('VERSION'))).toHaveCount(1);
  // a second version whose every step escalates after a minute, kept as the library
  // keeps versions (the panel reads them from storage when it opens)
  const faster = structuredClone(saas);
  for (const t of faster.tiers) for (const st of t.escalation.steps) st.escalate_after = '1m';
  await page.evaluate((text) => {
    const id = localStorage.getItem('rungs.library.current');
    const key = `rungs.versions.${id}`;
    const list = JSON.parse(localStorage.getItem(key));
    list.push({ ...list[0], n: 2, note: 'Every step after a minute', text });
    localStorage.setItem(key, JSON.stringify(list));
  }, JSON.stringify(faster, null, 2));
  await page.locator(sel('HISTORY_OPEN')).click();
  await page.locator(sel('HISTORY_OPEN')).click();
  await expect(page.locator(sel('VERSION'))).toHaveCount(2);
  // shipped (version 1) against the faster one (version 2) as the baseline: clearly worse
  await page.locator('#compare-from').selectOption('2');
  await page.locator('#compare-to').selectOption('1');
  await page.locator(sel('WHATIF_SCENARIO')).selectOption('checkout-3am');
  await page.locator(sel('WHATIF_RUNS')).fill('500');
  await page.locator(sel('WHATIF_RUNS')).dispatchEvent('change');
  await page.locator(sel('WHATIF_RUN')).click();
  const rows = page.locator(sel('WHATIF_ROW'));
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });

  writeFileSync('tests/e2e/results/whatif-old.json', JSON.stringify(faster));
  writeFileSync('tests/e2e/results/whatif-new.json', JSON.stringify(saas));
  const cli = JSON.parse(execFileSync('target/debug/rungs', [
    'simulate', 'tests/e2e/results/whatif-old.json', '--compare', 'tests/e2e/results/whatif-new.json',
    '--scenario', 'checkout-3am', '--runs', '500', '--format', 'json',
  ], { encoding: 'utf8' }));
  await expect(rows).toHaveCount(cli.differences.length);
  const verdicts = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.verdict));
  expect(verdicts).toEqual(cli.differences.map((d) => d.verdict));
  expect(verdicts).toContain('worse');
  expect(cli.regression).toBe(true);
  await expect(page.locator(sel('WHATIF_VERDICT'))).toContainText('Version 1 is clearly worse than Version 2');
  await expect(rows.locator('.verdict').first()).toContainText(/▲ worse|▼ better|= no clear difference/);
  await page.locator(sel('WHATIF')).screenshot({ path: 'tests/e2e/results/whatif.png' });
  expect(problems).toEqual([]);
});
