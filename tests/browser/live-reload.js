// Live reload in a real browser (headless Chromium through playwright-core), driven by the
// integration test `live_reload_works_in_a_real_browser`: node live-reload.js PORT RELEASE_FILE
// Exits non-zero, with the reason, when the page does not follow the changes.
const { launch } = require('./chromium');
const fs = require('fs');

const [port, file] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;

(async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/ru/a/`);
    const other = await browser.newPage();
    await other.goto(`${base}/ru/b/`);
    const good = fs.readFileSync(file, 'utf8');

    // A change reloads the open tab.
    fs.writeFileSync(file, good.replace('title: "Первая"', 'title: "Первая, новая"'));
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'Первая, новая', null, { timeout: 20000 });

    // A mistake: the tab of the broken release shows the error page, the other tab a banner.
    fs.writeFileSync(file, good.replace('date: 2025-01-10', 'date: 10 января 2025'));
    await page.waitForFunction(() => document.title.includes('errors'), null, { timeout: 20000 });
    const message = await page.locator('.message').first().textContent();
    if (!message.includes('is not a date')) throw new Error(`error page says: ${message}`);
    await other.waitForSelector('#jarya-errors', { timeout: 20000 });
    if ((await other.locator('h1').textContent()) !== 'Вторая') throw new Error('the other page changed');

    // Fixing the file brings both back.
    fs.writeFileSync(file, good);
    await page.waitForFunction(() => document.querySelector('h1') && document.querySelector('h1').textContent === 'Первая', null, { timeout: 20000 });
    await other.waitForFunction(() => !document.getElementById('jarya-errors'), null, { timeout: 20000 });
    console.log('live reload: ok');
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(`live reload: FAILED: ${e.message}`); process.exit(1); });
