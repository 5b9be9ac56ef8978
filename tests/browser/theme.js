// The default theme in a real browser (headless Chromium through playwright-core), driven by the
// integration test `the_theme_passes_the_browser_checks`: node theme.js SITE_DIR SHOTS_DIR
//
// SITE_DIR is a built site (the sample). It is served on 127.0.0.1 by a small static server
// here, and checked by tools nobody on the team wrote:
// - axe-core: no violation on every page kind, both languages, light and dark;
// - the header is at most 72 px tall on a 360 px wide phone, the language switch visible;
// - a reader's way through the site: entry -> Kyrgyz -> topic -> release -> Russian (the same
//   release) -> pagination -> the .ics; no console error, no failed request;
// - a crawler follows every internal link and asset from every page: none is broken;
// - screenshots of home, topic and release at 360 and 1280 px, light and dark, into SHOTS_DIR.
// Exits non-zero, listing every failure.
const { launch } = require('./chromium');
const { serve } = require('./static-server');
const fs = require('fs');
const path = require('path');

const [root, shots] = process.argv.slice(2).map((p) => path.resolve(p));
const failures = [];
const fail = (what) => { failures.push(what); console.error(`FAIL: ${what}`); };

// Every page of the sitemap(s), as paths.
function pages() {
  const urls = [];
  for (const f of fs.readdirSync(root).filter((f) => /^sitemap(-\d+)?\.xml$/.test(f))) {
    const xml = fs.readFileSync(path.join(root, f), 'utf8');
    for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      if (!m[1].endsWith('.xml')) urls.push(new URL(m[1]).pathname);
    }
  }
  return [...new Set(urls)].sort();
}

// One page of each kind, per language.
function kinds(all) {
  const pick = (re) => all.find((p) => re.test(p));
  const out = { entry: '/', notFound: '/404.html' };
  for (const l of ['ru', 'ky']) {
    out[`home-${l}`] = `/${l}/`;
    out[`topics-${l}`] = `/${l}/topics/`;
    out[`topic-${l}`] = pick(new RegExp(`^/${l}/topics/[^/]+/$`));
    out[`organizer-${l}`] = pick(new RegExp(`^/${l}/organizers/[^/]+/$`));
    out[`archive-${l}`] = `/${l}/archive/`;
    out[`year-${l}`] = pick(new RegExp(`^/${l}/archive/\\d+/$`));
    out[`search-${l}`] = `/${l}/search/`;
    out[`release-${l}`] = pick(new RegExp(`^/${l}/(?!topics/|organizers/|archive/|page/|search/)[^/]+/$`));
  }
  for (const [k, v] of Object.entries(out)) if (!v) fail(`no page of kind ${k} in the sitemap`);
  return out;
}

async function watch(page, where) {
  page.on('console', (m) => { if (m.type() === 'error') fail(`${where()}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`${where()}: script error: ${e.message}`));
  page.on('requestfailed', (r) => fail(`${where()}: request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) fail(`${where()}: ${r.status()} for ${r.url()}`); });
}

async function axe(browser, base, kind) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const scheme of ['light', 'dark']) {
    const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    for (const [name, p] of Object.entries(kind)) {
      if (!p) continue;
      await page.goto(base + p);
      await page.addScriptTag({ content: source });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of result.violations) {
        fail(`axe ${scheme} ${name} ${p}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
    }
    await ctx.close();
  }
  console.log(`axe: ${Object.keys(kind).length} page kinds, light and dark`);
}

async function header(browser, base, kind) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  for (const name of ['home-ru', 'home-ky', 'topic-ky', 'release-ru', 'release-ky']) {
    await page.goto(base + kind[name]);
    const h = await page.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().height);
    if (h > 72) fail(`header of ${name} is ${h} px tall at 360 px (at most 72)`);
    const sw = await page.locator('.lang-switch a').first();
    if (!(await sw.isVisible())) fail(`${name}: the language switch is not visible at 360 px`);
    const box = await sw.boundingBox();
    if (box && box.y + box.height > 72) fail(`${name}: the language switch is below the header's first 72 px`);
    console.log(`header ${name}: ${h} px`);
  }
  // Nothing is wider than the narrowest phones (320 px): no sideways scrolling.
  await page.setViewportSize({ width: 320, height: 640 });
  for (const name of ['home-ru', 'home-ky', 'topic-ky', 'organizer-ru', 'release-ru', 'release-ky', 'entry']) {
    await page.goto(base + kind[name]);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > 320) fail(`${name} is ${wide} px wide at 320 px`);
  }
  await page.setViewportSize({ width: 360, height: 740 });
  // The menu opens without JavaScript (details/summary) and shows every section.
  await page.goto(base + kind['home-ru']);
  await page.locator('.menu > summary').click();
  const links = await page.locator('.main-nav a').evaluateAll((as) => as.filter((a) => a.offsetParent).length);
  if (links !== 5) fail(`the opened menu shows ${links} links, not 5 (with search)`);
  await ctx.close();
}

async function journey(browser, base) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await watch(page, () => `journey ${page.url()}`);
  await page.goto(base + '/');
  await page.locator('a[hreflang="ky"]').first().click();
  await page.waitForURL(/\/ky\/$/);
  await page.locator('.menu > summary').click();
  await page.locator('.main-nav a[href$="/ky/topics/"]').click();
  await page.locator('.terms a').first().click();
  await page.waitForURL(/\/ky\/topics\/[^/]+\/$/);
  // A release that has a Russian translation.
  const releases = await page.locator('.card h3 a').evaluateAll((as) => as.map((a) => a.href));
  let found = false;
  for (const href of releases) {
    await page.goto(href);
    const ru = page.locator('.lang-switch a[hreflang="ru"][rel="alternate"]');
    if (await ru.count()) {
      const title = await page.locator('h1').textContent();
      await ru.click();
      await page.waitForURL(/\/ru\//);
      const jsonLd = await page.locator('script[type="application/ld+json"]').count();
      const back = await page.locator('.lang-switch a[hreflang="ky"]').getAttribute('href');
      if (!jsonLd || !href.endsWith(back.replace(/^\.\.?\//, ''))) {
        fail(`journey: the Russian page of "${title}" does not lead back to ${href}`);
      }
      const download = page.waitForEvent('download');
      await page.locator('.calendar-links a[download]').click();
      const ics = await (await download).path();
      if (!fs.readFileSync(ics, 'utf8').startsWith('BEGIN:VCALENDAR')) fail('journey: the .ics is not a calendar');
      found = true;
      break;
    }
  }
  if (!found) fail('journey: no Kyrgyz release of the first topic has a Russian translation');
  // Pagination: the first list with a next page, if the site has one.
  const paged = pages().find((p) => /\/page\/2\/$/.test(p));
  if (paged) {
    await page.goto(base + paged.replace(/page\/2\/$/, ''));
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/page\/2\/$/);
  }
  await ctx.close();
  console.log(`journey: ok${paged ? ' (with pagination)' : ' (the site has no second page)'}`);
}

async function crawl(browser, base, all) {
  const ctx = await browser.newContext();
  const seen = new Set();
  const queue = [...all];
  let checked = 0;
  const page = await ctx.newPage();
  while (queue.length) {
    const p = queue.shift();
    if (seen.has(p)) continue;
    seen.add(p);
    const res = await ctx.request.get(base + p);
    checked++;
    if (res.status() !== 200) { fail(`crawler: ${res.status()} for ${p}`); continue; }
    if (!(res.headers()['content-type'] || '').startsWith('text/html')) continue;
    await page.goto(base + p);
    const refs = await page.evaluate(() => [...document.querySelectorAll('a[href], link[href], img[src], script[src], source[srcset], img[srcset]')]
      .flatMap((e) => e.srcset ? e.srcset.split(',').map((s) => new URL(s.trim().split(/\s+/)[0], location.href).href) : [e.href || e.src]));
    for (const r of refs) {
      const u = new URL(r);
      if (u.origin === new URL(base).origin && !seen.has(u.pathname)) queue.push(u.pathname);
    }
  }
  await ctx.close();
  console.log(`crawler: ${checked} internal addresses, every one answered 200`);
}

// Every release prints on one or two A4 pages, with its address and contacts, without the
// site's navigation.
async function print(browser, base, all) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const releases = all.filter((p) => /^\/(ru|ky)\/(?!topics\/|organizers\/|archive\/|page\/|search\/)[^/]+\/$/.test(p));
  let most = 0;
  for (const p of releases) {
    await page.goto(base + p);
    await page.emulateMedia({ media: 'print' });
    const seen = await page.evaluate(() => ({
      nav: [...document.querySelectorAll('.site-header, .site-footer, .calendar-links')].some((e) => e.offsetParent !== null),
      url: document.querySelector('.print-url') && document.querySelector('.print-url').offsetParent !== null
        ? document.querySelector('.print-url').textContent : '',
      contacts: !document.querySelector('.contacts') || document.querySelector('.contacts').offsetParent !== null,
    }));
    if (seen.nav) fail(`print ${p}: navigation is printed`);
    if (!seen.url.endsWith(p)) fail(`print ${p}: the page's address is not printed (${seen.url})`);
    if (!seen.contacts) fail(`print ${p}: contacts are not printed`);
    const pdf = (await page.pdf({ format: 'A4', printBackground: false })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
    most = Math.max(most, pages);
    if (pages < 1 || pages > 2) fail(`print ${p}: ${pages} A4 pages`);
    await page.emulateMedia({ media: 'screen' });
  }
  await ctx.close();
  console.log(`print: ${releases.length} releases, at most ${most} A4 pages each`);
}

async function screenshots(browser, base, kind) {
  fs.mkdirSync(shots, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width, height: width === 360 ? 740 : 800 } });
      const page = await ctx.newPage();
      for (const name of ['home-ru', 'topic-ky', 'release-ru']) {
        await page.goto(base + kind[name]);
        await page.screenshot({ path: path.join(shots, `${name}-${width}-${scheme}.png`), fullPage: width === 360 });
      }
      await ctx.close();
    }
  }
  console.log(`screenshots: ${shots}`);
}

(async () => {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  try {
    const all = pages();
    const kind = kinds(all);
    await axe(browser, base, kind);
    await header(browser, base, kind);
    await journey(browser, base);
    await crawl(browser, base, all);
    await print(browser, base, all);
    await screenshots(browser, base, kind);
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length) { console.error(`${failures.length} failure(s)`); process.exit(1); }
  console.log('theme: ok');
})().catch((e) => { console.error(`theme: FAILED: ${e.stack}`); process.exit(1); });
