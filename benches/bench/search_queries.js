// The search bench's browser half (run by `cargo bench` when JARYA_PLAYWRIGHT is set):
//   node search_queries.js SITE_DIR
// Serves the built site on 127.0.0.1 as a static host does (JavaScript, HTML and CSS gzipped
// when the browser accepts it; Pagefind's own files are gzipped already), counting the bytes
// of every response as sent, and times
// Pagefind in headless Chromium as the search page uses it: per language, the first query in a
// fresh browser context (cold: runtime, index meta, wasm, chunks), then the other queries warm;
// for each, search() and data() of the top 5 in milliseconds and the bytes fetched. Five
// rounds; prints one JSON line per language with the medians.
const { launch } = require('../../tests/browser/chromium');
const http = require('http');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.resolve(process.argv[2]);
const QUERIES = {
  ru: ['молодёжь', 'гендерного равенства', 'безопасности', 'Бишкек', 'вода'],
  ky: ['жаштар', 'укук', 'кеңеш', 'өнүктүрүү', 'суу'],
};
let served = 0;
const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, path.normalize(rel));
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  let body = fs.readFileSync(file);
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html'
    : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
  const headers = { 'content-type': type };
  if (type.startsWith('text/') && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    body = zlib.gzipSync(body, { level: 6 });
    headers['content-encoding'] = 'gzip';
  }
  served += body.length;
  res.writeHead(200, headers);
  res.end(body);
});

// The median: the middle value, or the mean of the two middle ones for an even count.
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function round(browser, base, lang) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/${lang}/search/`);
  const out = [];
  for (const q of QUERIES[lang]) {
    const before = served;
    const r = await page.evaluate(async (q) => {
      const t0 = performance.now();
      window.pf = window.pf || await import('/pagefind/pagefind.js');
      const s = await window.pf.search(q);
      const t1 = performance.now();
      await Promise.all(s.results.slice(0, 5).map((x) => x.data()));
      return { hits: s.results.length, search: t1 - t0, data: performance.now() - t1 };
    }, q);
    out.push({ q, ...r, kb: (served - before) / 1024 });
  }
  await ctx.close();
  return out;
}

(async () => {
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  try {
    for (const lang of Object.keys(QUERIES)) {
      const rounds = [];
      for (let i = 0; i < 5; i++) rounds.push(await round(browser, base, lang));
      const per = QUERIES[lang].map((q, i) => ({
        q,
        hits: rounds[0][i].hits,
        search_ms: median(rounds.map((r) => r[i].search)),
        data_ms: median(rounds.map((r) => r[i].data)),
        kb: median(rounds.map((r) => r[i].kb)),
      }));
      const warm = per.slice(1);
      console.log(JSON.stringify({
        lang,
        first: per[0],
        warm_search_ms_median: median(warm.map((w) => w.search_ms)),
        warm_search_ms_max: Math.max(...warm.map((w) => w.search_ms)),
        warm_kb_median: median(warm.map((w) => w.kb)),
        warm_kb_max: Math.max(...warm.map((w) => w.kb)),
        data_ms_max: Math.max(...per.map((w) => w.data_ms)),
        queries: per,
      }));
    }
  } finally {
    await browser.close();
    server.close();
  }
})().catch((e) => { console.error(e.stack); process.exit(1); });
