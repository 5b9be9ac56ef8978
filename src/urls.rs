//! URLs: every output path and link is decided here.
//!
//! Pretty URLs: a page at site path `ru/forum/` is written to `ru/forum/index.html` and linked as
//! `<base path>ru/forum/`. Site paths are built only from language codes and slugs (ASCII
//! letters, digits and `-`), so no content can name a file outside the output folder.

use crate::config::Config;
use crate::i18n::Lang;
use std::path::PathBuf;

/// Turns site paths into links.
#[derive(Debug, Clone)]
pub struct Urls {
    base_url: String,
    base_path: String,
}

impl Urls {
    /// Links for a site published at `config.base_url`.
    pub fn new(config: &Config) -> Self {
        Urls {
            base_url: config.base_url.clone(),
            base_path: config.base_path().to_string(),
        }
    }

    /// A link from within the site: `/ru/forum/` (or `/project/ru/forum/`).
    pub fn href(&self, path: &str) -> String {
        [self.base_path.as_str(), path].concat()
    }

    /// A full address: `https://example.kg/ru/forum/`.
    pub fn absolute(&self, path: &str) -> String {
        [self.base_url.as_str(), path].concat()
    }
}

/// The entry page (language choice).
pub fn entry() -> String {
    String::new()
}

/// A language's home page: `ru/`.
pub fn home(lang: Lang) -> String {
    [lang.code(), "/"].concat()
}

/// A release: `ru/forum/`.
pub fn release(lang: Lang, slug: &str) -> String {
    // Joined, not `format!`: addresses are made for every link of every page.
    [lang.code(), "/", slug, "/"].concat()
}

/// A language's search page: `ru/search/` (only with `search: true`).
pub fn search(lang: Lang) -> String {
    format!("{lang}/search/")
}

/// The search pages' script (a file of the default theme, copied only with `search: true`).
pub const SEARCH_SCRIPT: &str = "search.js";

/// The folder of the search index that Pagefind writes (its files are named by their content).
pub const SEARCH_INDEX: &str = "pagefind/";

/// A file of the search index, inside [`SEARCH_INDEX`]: `None` for a name that is not a plain
/// relative path (Pagefind names its files itself; nothing may land outside the folder).
pub fn search_index_file(name: &std::path::Path) -> Option<PathBuf> {
    use std::path::Component;
    let plain = name.components().count() > 0
        && name.components().all(|c| matches!(c, Component::Normal(_)));
    plain.then(|| PathBuf::from(SEARCH_INDEX).join(name))
}

/// What kind of index page: topics or organizers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermKind {
    /// `topics`
    Topics,
    /// `organizers`
    Organizers,
}

impl TermKind {
    /// Both kinds, in the order pages list them.
    pub const ALL: [TermKind; 2] = [TermKind::Topics, TermKind::Organizers];

    /// The folder name in URLs.
    pub fn folder(self) -> &'static str {
        match self {
            TermKind::Topics => "topics",
            TermKind::Organizers => "organizers",
        }
    }
}

/// The list of a language's topics or organizers: `ru/topics/`.
pub fn terms(lang: Lang, kind: TermKind) -> String {
    format!("{lang}/{}/", kind.folder())
}

/// One topic's or organizer's page: `ru/topics/gender/`.
pub fn term(lang: Lang, kind: TermKind, slug: &str) -> String {
    [lang.code(), "/", kind.folder(), "/", slug, "/"].concat()
}

/// A language's archive: the years, `ru/archive/`.
pub fn archive(lang: Lang) -> String {
    format!("{lang}/archive/")
}

/// One year of the archive: `ru/archive/2025/`.
pub fn year(lang: Lang, year: i16) -> String {
    format!("{lang}/archive/{year}/")
}

/// The anchor of a month's section on a year page: `m-2025-06`.
pub fn month_anchor(date: jiff::civil::Date) -> String {
    format!("m-{:04}-{:02}", date.year(), date.month())
}

/// The page (1-based) of a paginated list that shows its `index`-th entry (0-based).
pub fn page_of(index: usize, per_page: usize) -> usize {
    index / per_page.max(1) + 1
}

/// Page `n` (1-based) of a paginated list at `base`: `base` itself, then `base` + `page/2/`.
pub fn paged(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// `<lang>/atom.xml`, or `<lang>/<kind>/<slug>/atom.xml`.
pub fn feed(lang: Lang, term: Option<(TermKind, &str)>) -> String {
    match term {
        None => home(lang) + "atom.xml",
        Some((kind, slug)) => self::term(lang, kind, slug) + "atom.xml",
    }
}

/// `<lang>/calendar.ics`, or `<lang>/<kind>/<slug>/calendar.ics`.
pub fn calendar(lang: Lang, term: Option<(TermKind, &str)>) -> String {
    match term {
        None => home(lang) + "calendar.ics",
        Some((kind, slug)) => self::term(lang, kind, slug) + "calendar.ics",
    }
}

/// A release's own calendar file: `ru/forum/event.ics`.
pub fn event_ics(lang: Lang, slug: &str) -> String {
    release(lang, slug) + "event.ics"
}

/// `sitemap.xml` (n = 0), or part n of a large sitemap: `sitemap-n.xml`.
pub fn sitemap(n: usize) -> String {
    match n {
        0 => "sitemap.xml".to_string(),
        n => format!("sitemap-{n}.xml"),
    }
}

/// A favicon file's path.
pub fn icon(icon: crate::plan::Icon) -> &'static str {
    match icon {
        crate::plan::Icon::Ico => "favicon.ico",
        crate::plan::Icon::Png32 => "favicon.png",
        crate::plan::Icon::Touch => "apple-touch-icon.png",
    }
}

/// A resized picture: `_img/<hash>/<width>.<ext>` (the hash of the original and the settings).
pub fn picture_variant(hash: &str, width: u32, ext: &str) -> String {
    format!("_img/{hash}/{width}.{ext}")
}

/// A language's generated share picture.
pub fn share_picture(lang: Lang) -> String {
    format!("{}/share.png", lang.code())
}

/// `robots.txt`.
pub const ROBOTS: &str = "robots.txt";

/// The browser editor's page (when the site has `editor: true`).
pub const EDITOR_PAGE: &str = "admin/index.html";

/// The browser editor's configuration, beside its page.
pub const EDITOR_CONFIG: &str = "admin/config.yml";

/// The "page not found" page, at the root where static hosts look for it.
pub const NOT_FOUND: &str = "404.html";

/// The theme's style sheet.
pub const STYLE: &str = "style.css";

/// Whether a link leads off the site: `https://…`, `mailto:…`, `//host/…`.
pub fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// Whether a link's address is another site's written without `https://` (`www.example.kg`,
/// `facebook.com/ngo`): read as a path, it would lead to a page of this site that is not
/// there. Only `www.` or a host ending in a common domain counts, so a file beside the page
/// (`programma.pdf`) is never taken for one.
pub fn is_bare_domain(dest: &str) -> bool {
    const DOMAINS: [&str; 20] = [
        "kg", "ru", "kz", "uz", "tj", "com", "org", "net", "info", "gov", "edu", "int", "io", "me",
        "tv", "eu", "de", "uk", "us", "su",
    ];
    if is_external(dest) || dest.starts_with(['/', '.', '#', '?']) {
        return false;
    }
    let host = dest.split(['/', '?', '#']).next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let valid = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let last = labels
        .last()
        .map(|l| l.to_ascii_lowercase())
        .unwrap_or_default();
    valid && (host.to_ascii_lowercase().starts_with("www.") || DOMAINS.contains(&last.as_str()))
}

/// The web address to suggest for `written`, which is not one: `https://` put before another
/// site's address written without it ([`is_bare_domain`]), else an example.
pub fn suggested_address(written: &str) -> String {
    let w = written.trim();
    if is_bare_domain(w) {
        format!("https://{w}")
    } else {
        "https://example.kg".to_string()
    }
}

/// The file of a site path that names a file (`ru/atom.xml`) or a file under the output folder.
pub fn file(path: &str) -> PathBuf {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// The file written for a site path: `ru/forum/` -> `ru/forum/index.html`.
pub fn page_file(path: &str) -> PathBuf {
    // The plan holds one for every page: room for exactly its bytes, not what pushing grows.
    let mut p = PathBuf::with_capacity(path.len() + "/index.html".len());
    for part in path.split('/').filter(|s| !s.is_empty()) {
        p.push(part);
    }
    p.push("index.html");
    p
}

/// Percent-encodes a URL query value (RFC 3986: everything but unreserved characters).
/// Written as bytes (all ASCII), not pushed as characters: titles in share links are Cyrillic,
/// three bytes out for each byte in.
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = Vec::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b);
        } else {
            out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Decodes `%XX` sequences; `None` when one is malformed or the result is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            let h = hex(*bytes.get(i + 1)?)?;
            let l = hex(*bytes.get(i + 2)?)?;
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_coding_round_trips() {
        let s = "Форум: 10:00 & «итоги»";
        assert_eq!(percent_decode(&percent_encode(s)).as_deref(), Some(s));
        assert_eq!(percent_encode("a b/ж"), "a%20b%2F%D0%B6");
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%D0"), None);
    }

    #[test]
    fn page_paths_and_files() {
        assert_eq!(release(Lang::Ru, "forum"), "ru/forum/");
        assert_eq!(term(Lang::Ky, TermKind::Topics, "x"), "ky/topics/x/");
        assert_eq!(paged("ru/", 1), "ru/");
        assert_eq!(paged("ru/", 3), "ru/page/3/");
        assert_eq!(page_file("ru/forum/"), PathBuf::from("ru/forum/index.html"));
        assert_eq!(page_file(""), PathBuf::from("index.html"));
        // The plan holds one per page: no room to grow (pushing part by part left 36 bytes
        // for this one's 29).
        let f = page_file("ru/forum-o-vyborah/");
        assert!(f.capacity() <= f.as_os_str().len() + 1, "{}", f.capacity());
    }

    #[test]
    fn links_carry_the_base_path() {
        let c = crate::config::parse(
            "base_url: https://x.github.io/site\nlanguages: {ru: {title: T}}\n",
            None,
        )
        .unwrap();
        let u = Urls::new(&c);
        assert_eq!(u.href("ru/"), "/site/ru/");
        assert_eq!(u.absolute("ru/"), "https://x.github.io/site/ru/");
    }

    #[test]
    fn addresses_of_other_sites_without_https_are_told_from_files() {
        for bare in [
            "www.example.kg",
            "example.kg/about",
            "facebook.com/ngo?x=1",
            "WWW.Gov.KG",
        ] {
            assert!(is_bare_domain(bare), "{bare}");
        }
        for not in [
            "programma.pdf",
            "photo.jpg",
            "/ru/forum/",
            "../forum.md",
            "https://example.kg",
            "mailto:a@b.kg",
            "#top",
            "forum/",
            "отчёт.kg",
            "index.html",
        ] {
            assert!(!is_bare_domain(not), "{not}");
        }
        assert_eq!(suggested_address(" www.a.kg "), "https://www.a.kg");
        assert_eq!(suggested_address("наш сайт"), "https://example.kg");
    }
}
