// The browser editor in headless Chromium (playwright-core), driven by the integration test
// `the_browser_editor_writes_a_release_jarya_accepts`:
//   node editor.js PORT DECAP_DIST OUT_JSON
// Decap CMS comes from the npm registry's package (DECAP_DIST, its dist folder) in place of
// the CDN; the site's config.yml is served with Decap's in-memory `test-repo` backend in place
// of GitHub. Nothing leaves 127.0.0.1. Writes what it saw to OUT_JSON; exits non-zero with the
// reason when the editor does not work.
const { launch } = require('./chromium');
const fs = require('fs');
const path = require('path');

const [port, dist, out] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;

const errors = [];
const blocked = [];
let page;

(async () => {
  const browser = await launch();
  try {
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === 'unpkg.com' && url.pathname.includes('/dist/')) {
        const file = path.join(dist, path.basename(url.pathname));
        return route.fulfill({ path: file, contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript' });
      }
      if (url.hostname !== '127.0.0.1') {
        blocked.push(url.href);
        return route.abort();
      }
      if (url.pathname.endsWith('/admin/config.yml')) {
        const response = await route.fetch();
        const text = (await response.text()).replace(/backend:\n  name: github\n/, 'backend:\n  name: test-repo\n');
        return route.fulfill({ response, body: text });
      }
      return route.continue();
    });

    await page.goto(`${base}/admin/`);
    // test-repo asks for a click on its login button.
    await page.locator('button').first().click({ timeout: 30000 });
    await page.goto(`${base}/admin/#/collections/ru/new`);
    const title = page.locator('input[id^="title-field"]');
    await title.waitFor({ timeout: 30000 });
    await title.fill('Тестовый релиз из редактора');

    // Dates: the widget's own "now" buttons.
    for (const id of ['date']) {
      const field = page.locator(`[id^="${id}-field"]`).first();
      const input = page.locator(`input[id^="${id}-field"]`).first();
      if (await input.count()) {
        await input.fill('2026-12-20T10:00').catch(() => {});
      }
      await field.waitFor({ timeout: 5000 }).catch(() => {});
    }
    const nowButtons = page.getByRole('button', { name: /^(Сейчас|Now)$/ });
    if (await nowButtons.count()) await nowButtons.first().click();

    // Organizers: a list of the registry's entries.
    const organizers = page.locator('[id^="organizers-field"]').first();
    await organizers.click();
    const options = page.locator('[class*="-option"]');
    await options.first().waitFor({ timeout: 10000 });
    const organizerOptions = await options.allTextContents();
    await options.first().click();

    // The text.
    const body = page.locator('[data-slate-editor="true"], [contenteditable="true"]').first();
    await body.click();
    await page.keyboard.type('Текст релиза, написанный в редакторе.');

    // Publish now.
    await page.getByRole('button', { name: /Опубликовать|Publish/ }).first().click();
    await page.getByText(/^(Опубликовать сейчас|Publish now)$/).first().click();
    await page.waitForFunction(() => {
      const files = window.repoFiles && window.repoFiles.content && window.repoFiles.content.ru;
      return files && Object.keys(files).length > 0;
    }, null, { timeout: 30000 });
    const files = await page.evaluate(() => Object.entries(window.repoFiles.content.ru)
      .map(([name, f]) => ({ name, content: f.content })));
    fs.writeFileSync(out, JSON.stringify({ organizerOptions, files, errors, blocked }, null, 2));
    console.log('editor: ok');
  } catch (e) {
    if (process.env.JARYA_EDITOR_SCREENSHOT) {
      await page.screenshot({ path: process.env.JARYA_EDITOR_SCREENSHOT, fullPage: true }).catch(() => {});
    }
    throw e;
  } finally {
    await browser.close();
  }
})().catch((e) => {
  fs.writeFileSync(out, JSON.stringify({ failure: e.message, errors, blocked }, null, 2));
  console.error(`editor: FAILED: ${e.message}\n${errors.join('\n')}`);
  process.exit(1);
});
