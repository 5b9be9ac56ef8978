// jarya's search page: reads ?q= (and ?topic=, ?organizer=), loads Pagefind only then, and
// shows the results with the page's own words. Release pages never load this file.
const form = document.querySelector("form[data-bundle]");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const PAGE = 10;

// Pagefind folds й to и before its Russian stemmer, so "новый" and "новая" get different
// stems. Cutting -ый/-ий/-ой from longer words lets its prefix match find every form.
function russian(q) {
  return q.replace(/[\p{L}\p{N}-]+/gu, (w) =>
    w.length >= 5 && /(ый|ий|ой)$/iu.test(w) ? w.slice(0, -2) : w);
}

// "Найдено: 1 мероприятие / 2 мероприятия / 5 мероприятий": forms for 1, 2–4 and 5.
function found(n) {
  const forms = form.dataset.found.split("|");
  const [m10, m100] = [n % 10, n % 100];
  const i = m10 === 1 && m100 !== 11 ? 0
    : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? 1 : 2;
  return forms[i].replace("{n}", n.toLocaleString(form.dataset.lang));
}

// ң ө ү as typed on a Russian keyboard, lower case.
const fold = (w) => w.toLowerCase().replace(/[ңөү]/g, (c) => ({ "ң": "н", "ө": "о", "ү": "у" })[c]);

// Pagefind's excerpt marks the words found with <mark>: rebuilt here as text nodes and
// <mark> elements, so nothing in it is taken as HTML. A Kyrgyz query typed without ң ө ү is
// found through the folded words, which Pagefind does not mark: those are marked here.
function excerpt(html, terms) {
  const p = document.createElement("p");
  const text = (s) => {
    // A template's content is inert: entities are decoded, nothing loads or runs.
    const t = document.createElement("template");
    t.innerHTML = s;
    return t.content.textContent;
  };
  const mark = (t) => {
    const m = document.createElement("mark");
    m.textContent = t;
    return m;
  };
  const plain = (t) => t.split(/([\p{L}\p{N}]+)/u).forEach((w, i) =>
    p.append(i % 2 && terms.some((q) => fold(w).startsWith(q)) ? mark(w) : w));
  html.split(/(<mark>.*?<\/mark>)/s).forEach((part) => {
    const m = part.match(/^<mark>(.*)<\/mark>$/s);
    if (m) p.append(mark(text(m[1])));
    else if (part) plain(text(part));
  });
  return p;
}

function item(data, terms) {
  const li = document.createElement("li");
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title || data.url;
  h.append(a);
  li.append(h);
  if (data.meta.date) {
    const d = document.createElement("p");
    d.className = "meta";
    d.textContent = data.meta.date;
    li.append(d);
  }
  li.append(excerpt(data.excerpt || "", terms));
  return li;
}

async function show(results, from, terms) {
  const more = list.nextElementSibling;
  if (more && more.classList.contains("more")) more.remove();
  const page = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
  list.append(...page.map((d) => item(d, terms)));
  if (results.length > from + PAGE) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "more";
    button.textContent = form.dataset.more;
    button.addEventListener("click", () => show(results, from + PAGE, terms));
    list.after(button);
  }
}

async function run() {
  const params = new URLSearchParams(location.search);
  const q = (params.get("q") || "").trim();
  const filters = {};
  for (const name of ["topic", "organizer"]) {
    const value = params.get(name);
    const select = form.elements[name];
    if (value && select) {
      select.value = value;
      filters[name] = value;
    }
  }
  form.elements.q.value = q;
  if (!q && !Object.keys(filters).length) return;
  // The lists to browse give way to the results (and come back when there are none), so
  // nothing on the page jumps when the results arrive.
  document.documentElement.classList.add("searching");
  status.textContent = form.dataset.loading;
  // Pagefind starts after the page's first paint: the form and the status show at once, and
  // its downloads never hold the first paint back.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  try {
    const pagefind = await import(form.dataset.bundle + "pagefind.js");
    await pagefind.options({ excerptLength: 24 });
    const query = form.dataset.lang === "ru" ? russian(q) : q;
    const search = await pagefind.search(query || null, { filters });
    const results = search.results;
    status.textContent = results.length ? found(results.length) : form.dataset.none;
    if (!results.length) document.documentElement.classList.remove("searching");
    // Words to mark beside Pagefind's own marks: a Kyrgyz query's folded words.
    const terms = form.dataset.lang === "ky" && !/[ңөүҢӨҮ]/.test(q)
      ? fold(q).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1) : [];
    await show(results, 0, terms);
    window.jaryaSearch = { query, results: results.length };
  } catch (e) {
    status.textContent = form.dataset.failed;
    document.documentElement.classList.remove("searching");
    window.jaryaSearch = { error: String(e) };
  }
}

if (form) run();
