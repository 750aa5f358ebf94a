// The smoke suite in the other engines phone users have: WebKit (WebKitGTK, the engine of
// Safari) and Firefox ESR, driven through WebDriver against the release build in dist/.
//
//   xvfb-run -a node --test tests/webdriver/smoke.mjs            both engines
//   RUNGS_ENGINES=firefox node --test tests/webdriver/smoke.mjs   one of them
//
// WebKitGTK has no headless mode, hence xvfb-run; Firefox runs headless. Needs Debian's
// webkit2gtk-driver and firefox-esr, geckodriver (cargo install geckodriver), the release
// build (trunk build --release) and the command line (target/debug/rungs) to compare a
// study with. Playwright covers Chromium in depth (tests/e2e); this suite keeps the five
// things every user does working in the other two engines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { Builder, By, until } from 'selenium-webdriver';
import { sel } from '../e2e/testids.mjs';

const APP_PORT = 8095;
const APP = `http://127.0.0.1:${APP_PORT}/`;
const WAIT = 20_000;

const ENGINES = {
  webkit: {
    driver: ['WebKitWebDriver', ['--port=4444']],
    port: 4444,
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
  firefox: {
    driver: ['geckodriver', ['--port', '4445']],
    port: 4445,
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] },
    },
  },
};

const rungs = `${process.env.CARGO_TARGET_DIR ?? 'target'}/debug/rungs`;
const simulate = (...args) =>
  execFileSync(rungs, ['simulate', 'public/examples/saas.json', '--scenario', 'checkout-3am', '--format', 'json', ...args], {
    encoding: 'utf8',
  });

/** Starts `command` and waits until `url` answers; returns the child process. */
async function start([command, args], url, env = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr}`);
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${command} did not answer at ${url}: ${stderr}`);
}

const engines = (process.env.RUNGS_ENGINES ?? 'webkit,firefox').split(',').filter(Boolean);

let server;
before(async () => {
  server = await start(['node', ['tests/e2e/serve.mjs', 'dist', String(APP_PORT)]], APP);
});
after(() => server?.kill());

for (const name of engines) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name}: choose from ${Object.keys(ENGINES).join(', ')}`);

  describe(name, { concurrency: false }, () => {
    let driver;
    let driverProcess;
    const $ = (testid) => driver.wait(until.elementLocated(By.css(sel(testid))), WAIT, `no ${testid}`);
    const text = async (testid) => (await $(testid)).getText();
    /** Clicks `css` once it can be clicked (a page still settling refuses clicks), first
     * scrolled to the middle of the window so that no sticky bar (the top bar, the
     * drill's clock) lies over it: WebKit would hand such a click to the bar. */
    const click = (css) =>
      driver.wait(
        async () => {
          try {
            const el = await driver.findElement(By.css(css));
            await centre(el);
            await el.click();
            return true;
          } catch (e) {
            if (['NoSuchElementError', 'ElementNotInteractableError', 'StaleElementReferenceError', 'ElementClickInterceptedError'].includes(e.name)) return false;
            throw e;
          }
        },
        WAIT,
        `cannot click ${css}`,
      ).catch(async (e) => {
        // say where the page was, so that a failure in CI can be read from its log
        const where = await driver
          .executeScript(() => `${location.href} | ${document.body?.innerText.slice(0, 300)}`)
          .catch(() => '?');
        throw new Error(`${e.message} (page: ${where})`);
      });
    /** The form control labelled `label` inside the inspector. */
    const field = (label) =>
      driver.executeScript(
        (label) =>
          [...document.querySelectorAll('[data-testid="inspector"] label')].find((l) => l.textContent.trim() === label)
            ?.control,
        label,
      );
    /** Scrolls `el` to the middle of the window: WebKit neither scrolls to an element it
     * types into nor lets a sticky bar take a click meant for it. */
    const centre = (el) => driver.executeScript((e) => e.scrollIntoView({ block: 'center' }), el);
    const typeInto = async (el, value) => {
      await centre(el);
      await el.clear();
      await el.sendKeys(value);
    };
    /** Waits until the page's uncaught errors (collected since its load) are none. */
    const noErrors = async () => assert.deepEqual(await driver.executeScript('return window.__rungsErrors ?? []'), []);
    /** Loads `url` afresh. Going through a blank page first makes every load a new
     * document, also when only the fragment differs from the page before (the share
     * link's viewer, then the app). */
    const open = async (url) => {
      await driver.get('about:blank');
      await driver.get(url);
      await driver.executeScript(`
        window.__rungsErrors = [];
        addEventListener('error', (e) => window.__rungsErrors.push(String(e.message)));
        addEventListener('unhandledrejection', (e) => window.__rungsErrors.push(String(e.reason)));
      `);
    };

    before(async () => {
      const env = name === 'webkit' ? { WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS: '1' } : {};
      driverProcess = await start(engine.driver, `http://127.0.0.1:${engine.port}/status`, env);
      driver = await new Builder()
        .usingServer(`http://127.0.0.1:${engine.port}`)
        .withCapabilities(engine.capabilities)
        .build();
      await driver.manage().window().setRect({ width: 1280, height: 900 });
    });
    after(async () => {
      await driver?.quit().catch(() => {});
      driverProcess?.kill();
    });

    test('opens the app with the example ladder', async () => {
      await open(APP);
      const ladder = await $('LADDER_NAME');
      await driver.wait(until.elementTextMatches(ladder, /\S/), WAIT);
      assert.equal((await driver.findElements(By.css(sel('RUNG')))).length, 4);
      await noErrors();
    });

    test('edits the ladder in the designer, and the edit survives a reload', async () => {
      await click(sel('EDIT')); // the first is the ladder's details
      await driver.wait(async () => (await field('Name')) !== null, WAIT, 'no Name field in the inspector');
      await typeInto(await field('Name'), `Edited in ${name}`);
      await driver.wait(until.elementTextIs(await $('LADDER_NAME'), `Edited in ${name}`), WAIT);
      // autosave writes after a short pause; then a reload finds the edit
      await driver.wait(
        async () => (await driver.executeScript('return JSON.stringify(localStorage)')).includes(`Edited in ${name}`),
        WAIT,
        'the edit was not saved',
      );
      await open(APP);
      await driver.wait(until.elementTextIs(await $('LADDER_NAME'), `Edited in ${name}`), WAIT);
      await noErrors();
    });

    test('opens a share link as the read-only viewer', async () => {
      await click(sel('NAV_SHARE'));
      const link = await (await $('SHARE_LINK')).getAttribute('value');
      assert.match(link, /#/);
      // a fresh load, as from a chat message (not a change of the hash)
      await open(link);
      await $('VIEWER_TIER');
      assert.equal((await driver.findElements(By.css(sel('VIEWER_TIER')))).length, 4);
      assert.ok(await (await $('MAKE_COPY')).isDisplayed());
      assert.equal((await driver.findElements(By.css(sel('EDIT')))).length, 0);
      await noErrors();
    });

    test('runs a live drill to its scorecard', async () => {
      await open(APP);
      await click(sel('NAV_DRILL'));
      await click(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`);
      // nobody played in the room, so the drill runs on its own
      await $('HUMAN');
      for (const box of await driver.findElements(By.css(`${sel('HUMAN')}:checked`))) {
        await centre(box);
        await box.click();
      }
      const speed = await $('DRILL_SPEED');
      await centre(speed);
      const fastest = (await speed.findElements(By.css('option'))).at(-1);
      await fastest.click();
      await click(sel('DRILL_START'));
      await driver.wait(until.elementTextContains(await $('SIM_CLOCK'), '+00:'), WAIT);
      await driver.wait(until.elementLocated(By.css(sel('SCORECARD'))), 90_000, 'the drill did not finish');
      assert.match(await text('SCORECARD'), /acknowledge/i);
      await noErrors();
    });

    test('runs a study whose numbers are the command line’s, byte for byte', async () => {
      await open(APP);
      await click(sel('NAV_DRILL'));
      await click(`${sel('SCENARIO_PICK')}[value="checkout-3am"]`);
      await typeInto(await $('STUDY_RUNS'), '1000');
      await typeInto(await $('STUDY_SEED'), '7');
      const study = await $('STUDY');
      await click(sel('STUDY_START'));
      // In WebKit under load a click on Start has twice been lost (the study stayed
      // idle, with no error). Click once more if it did, and say so: the cause is not
      // known yet (see the closing note of the session that added this).
      const started = await driver
        .wait(async () => (await study.getAttribute('data-state')) !== 'idle', 10_000)
        .catch(() => false);
      if (!started) {
        console.error(`${name}: the study was still idle 10 s after Start; clicking Start again`);
        await click(sel('STUDY_START'));
      }
      await driver
        .wait(async () => (await study.getAttribute('data-state')) === 'done', 60_000)
        .catch(async () => assert.fail(`the study did not finish: ${await study.getText()}`));
      const shown = await driver.executeScript(
        (s) => document.querySelector(s).textContent,
        sel('STUDY_JSON'),
      );
      assert.equal(shown, simulate('--runs', '1000', '--seed', '7'));
      await noErrors();
    });
  });
}
