// Lighthouse 12 (npm; the CLI, with Debian's Chromium kept on loopback) on the home, a topic, a
// release and the search page (with a query) in both languages, mobile profile, driven by the integration test
// `lighthouse_scores_are_at_least_95`: node lighthouse.js SITE_DIR LIGHTHOUSE_BIN SCORES_FILE
// Writes one line per page with its four scores to SCORES_FILE; exits non-zero when a score is
// below 95, naming the audits that cost points. Performance is timed, and timings on a shared
// machine vary: a page under 95 is measured twice more and its median run counts, as
// Lighthouse's own guidance on variability advises (docs/variability.md).
const { serve } = require('./static-server');
const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [root, bin, scoresFile] = process.argv.slice(2).map((p) => path.resolve(p));
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'].join(' ');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function pages() {
  const xml = fs.readFileSync(path.join(root, 'sitemap.xml'), 'utf8');
  const all = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const out = [];
  for (const l of ['ru', 'ky']) {
    out.push(`/${l}/`);
    out.push(all.find((p) => new RegExp(`^/${l}/topics/[^/]+/$`).test(p)));
    // A release with a picture when there is one (the heaviest kind of page).
    const releases = all.filter((p) => new RegExp(`^/${l}/(?!topics/|organizers/|archive/|page/|search/)[^/]+/$`).test(p));
    const html = (p) => fs.readFileSync(path.join(root, p, 'index.html'), 'utf8');
    out.push(releases.find((p) => html(p).includes('<picture>')) || releases[0]);
    // The search page with a query: Pagefind loads and the results arrive.
    out.push(`/${l}/search/?q=${encodeURIComponent(l === 'ru' ? 'мониторинг' : 'кеңеш')}`);
  }
  return out;
}

function lighthouse(url, out) {
  return new Promise((ok, no) => execFile(bin, [url, '--quiet', '--output=json', `--output-path=${out}`,
    '--form-factor=mobile', `--only-categories=${CATEGORIES.join(',')}`, '--chrome-path=/usr/bin/chromium',
    `--chrome-flags=${FLAGS}`], { timeout: 180000 }, (e, _o, err) => (e ? no(new Error(`${url}: ${err || e.message}`)) : ok())));
}

async function run(url) {
  const out = path.join(os.tmpdir(), `jarya-lh-${process.pid}.json`);
  await lighthouse(url, out);
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.unlinkSync(out);
  return r;
}

(async () => {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  const lines = [];
  let low = 0;
  try {
    for (const p of pages()) {
      const runs = [await run(base + p)];
      if (runs[0].categories.performance.score < 0.95) runs.push(await run(base + p), await run(base + p));
      runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const r = runs[Math.floor(runs.length / 2)];
      const scores = CATEGORIES.map((c) => Math.round(r.categories[c].score * 100));
      const note = runs.length > 1 ? `  (median of ${runs.length} runs: performance ${runs.map((x) => Math.round(x.categories.performance.score * 100)).join(', ')})` : '';
      lines.push(`${p}  ${CATEGORIES.map((c, i) => `${c} ${scores[i]}`).join('  ')}${note}`);
      for (const [i, c] of CATEGORIES.entries()) {
        if (scores[i] >= 95) continue;
        low++;
        const lost = r.categories[c].auditRefs
          .filter((a) => a.weight > 0 && r.audits[a.id].score !== null && r.audits[a.id].score < 1)
          .map((a) => a.id);
        console.error(`FAIL: ${p}: ${c} ${scores[i]} (${lost.join(', ')})`);
      }
    }
  } finally {
    server.close();
  }
  fs.mkdirSync(path.dirname(scoresFile), { recursive: true });
  fs.writeFileSync(scoresFile, lines.join('\n') + '\n');
  console.log(lines.join('\n'));
  if (low) process.exit(1);
})().catch((e) => { console.error(`lighthouse: FAILED: ${e.stack}`); process.exit(1); });
