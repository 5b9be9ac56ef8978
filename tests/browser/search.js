// The search pages in headless Chromium, driven by the integration test
// `search_finds_the_golden_queries_in_a_browser`: node search.js SITE_DIR GOLDEN_JSON
//
// SITE_DIR is a built site with search (tests/fixtures/search). For every golden query its
// language's search page is opened with ?q= (and ?topic=), exactly as a reader's form sends
// it; the result links must be the expected set. Also: folded and unfolded Kyrgyz queries
// (and Russian pairs) find as many pages; the count is said with the right plural; the words
// found are marked; axe-core finds no violation on a page of results; without JavaScript the
// page offers its lists; no console error, no failed request. Prints "N passed, M failed".
const { launch } = require('./chromium');
const { serve } = require('./static-server');
const fs = require('fs');
const path = require('path');

const [root, goldenFile] = process.argv.slice(2).map((p) => path.resolve(p));
const golden = JSON.parse(fs.readFileSync(goldenFile, 'utf8'));
let passed = 0;
const failures = [];
const check = (ok, what) => { if (ok) passed++; else { failures.push(what); console.error(`FAIL: ${what}`); } };

async function ask(page, base, lang, q, topic) {
  const params = new URLSearchParams({ q });
  if (topic) params.set('topic', topic);
  await page.goto(`${base}/${lang}/search/?${params}`);
  await page.waitForFunction(() => window.jaryaSearch, null, { timeout: 30000 });
  return page.evaluate(() => ({
    state: window.jaryaSearch,
    status: document.getElementById('search-status').textContent,
    links: [...document.querySelectorAll('#search-results h2 a')].map((a) => new URL(a.href).pathname),
    marks: document.querySelectorAll('#search-results mark').length,
  }));
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

(async () => {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.on('console', (m) => { if (m.type() === 'error') check(false, `console error: ${m.text()}`); });
    page.on('pageerror', (e) => check(false, `script error: ${e.message}`));
    page.on('requestfailed', (r) => check(false, `request failed: ${r.url()}`));
    const counts = {};
    for (const g of golden.queries) {
      const r = await ask(page, base, g.lang, g.q, g.topic);
      const got = r.links.map((p) => p.split('/')[2]).sort();
      const want = [...g.expect].sort();
      const label = `${g.lang} "${g.q}"${g.topic ? ` topic ${g.topic}` : ''}`;
      check(!r.state.error, `${label}: ${r.state.error}`);
      check(same(got, want) && r.links.every((p) => p.startsWith(`/${g.lang}/`)),
        `${label}: found [${got}], expected [${want}] (${g.why})`);
      counts[`${g.lang} ${g.q}`] = r.state.results;
      if (g.q && want.length) check(r.marks > 0, `${label}: no word is marked in the results`);
    }
    for (const [lang, a, b] of golden.same_count) {
      check(counts[`${lang} ${a}`] === counts[`${lang} ${b}`] && counts[`${lang} ${a}`] > 0,
        `${lang}: "${a}" found ${counts[`${lang} ${a}`]}, "${b}" found ${counts[`${lang} ${b}`]}`);
    }
    // The count in words: Russian plurals, Kyrgyz's one form.
    for (const [lang, q, said] of [['ru', 'город', 'Найдено: 3 мероприятия'], ['ru', 'вода', 'Найдено: 1 мероприятие'],
      ['ky', 'коом', 'Табылды: 6 иш-чара'], ['ru', 'ксилофон', 'Ничего не найдено'], ['ky', 'ксилофон', 'Эч нерсе табылган жок']]) {
      const r = await ask(page, base, lang, q);
      check(r.status.startsWith(said), `${lang} "${q}": the page says "${r.status}", expected "${said}…"`);
    }
    // axe-core on a page of results, in both languages.
    const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const [lang, q] of [['ru', 'город'], ['ky', 'коом']]) {
      await ask(page, base, lang, q);
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      check(result.violations.length === 0, `axe ${lang} results: ${result.violations.map((v) => v.id).join(', ')}`);
    }
    // Without JavaScript: the form still sends ?q=, and the page offers topics, organizers
    // and years instead of results.
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const plain = await ctx.newPage();
    for (const lang of ['ru', 'ky']) {
      await plain.goto(`${base}/${lang}/search/`);
      await plain.fill('#search-q', 'тест');
      await Promise.all([plain.waitForURL(/\?q=/), plain.click('.search-form button[type=submit]')]);
      check(new URL(plain.url()).searchParams.get('q') === 'тест', `${lang} without JavaScript: the form sent ${plain.url()}`);
      const browse = await plain.locator('.browse a').count();
      check(browse >= 3, `${lang} without JavaScript: ${browse} links to browse`);
      check(await plain.locator('noscript').count() === 1, `${lang}: no note for readers without JavaScript`);
    }
    await ctx.close();
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${passed} passed, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
})().catch((e) => { console.error(`search: FAILED: ${e.stack}`); process.exit(1); });
