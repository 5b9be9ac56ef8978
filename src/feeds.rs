//! Atom 1.0 feeds (RFC 4287) and the sitemap (sitemaps.org, with `xhtml:link` hreflang
//! alternates). Pure text building: the render stage decides what goes in.

/// One feed entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The title.
    pub title: String,
    /// The page's full address (also the entry's id).
    pub url: String,
    /// RFC 3339 time of the event's start, with the site's offset.
    pub updated: String,
    /// The summary.
    pub summary: String,
    /// Organizer names (Atom authors).
    pub authors: Vec<String>,
    /// Topics: (key or slug, name).
    pub categories: Vec<(String, String)>,
}

/// A feed's own fields.
#[derive(Debug, Clone)]
pub struct Feed<'a> {
    /// `ru` or `ky`.
    pub lang: &'a str,
    /// The feed's title.
    pub title: &'a str,
    /// The site's description.
    pub subtitle: &'a str,
    /// The feed's own full address (also its id).
    pub self_url: &'a str,
    /// The HTML page it follows.
    pub page_url: &'a str,
    /// When nothing is in the feed: RFC 3339 build time.
    pub fallback_updated: &'a str,
}

/// An Atom document: the feed and its entries, newest first.
pub fn atom(feed: &Feed<'_>, entries: &[Entry]) -> String {
    let mut out = String::with_capacity(1024 + entries.len() * 800);
    let o = &mut out;
    o.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    put(
        o,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
        feed.lang,
        "\">\n",
    );
    put(o, "  <title>", feed.title, "</title>\n");
    if !feed.subtitle.is_empty() {
        put(o, "  <subtitle>", feed.subtitle, "</subtitle>\n");
    }
    let (rel_self, rel_page) = (
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"",
        "  <link rel=\"alternate\" type=\"text/html\" href=\"",
    );
    put(o, rel_self, feed.self_url, "\"/>\n");
    put(o, rel_page, feed.page_url, "\"/>\n");
    put(o, "  <id>", feed.self_url, "</id>\n");
    let updated = entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or(feed.fallback_updated);
    put(o, "  <updated>", updated, "</updated>\n");
    o.push_str("  <generator>jarya</generator>\n");
    for e in entries {
        o.push_str("  <entry>\n");
        put(o, "    <title>", &e.title, "</title>\n");
        put(
            o,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"",
            &e.url,
            "\"/>\n",
        );
        put(o, "    <id>", &e.url, "</id>\n");
        put(o, "    <published>", &e.updated, "</published>\n");
        put(o, "    <updated>", &e.updated, "</updated>\n");
        for a in &e.authors {
            put(o, "    <author><name>", a, "</name></author>\n");
        }
        for (term, label) in &e.categories {
            put(o, "    <category term=\"", term, "\" label=\"");
            put(o, "", label, "\"/>\n");
        }
        put(o, "    <summary>", &e.summary, "</summary>\n");
        o.push_str("  </entry>\n");
    }
    o.push_str("</feed>\n");
    out
}

/// One page in the sitemap, with its translations (`hreflang`, full address), itself included.
#[derive(Debug, Clone)]
pub struct SitemapUrl {
    /// The page's full address.
    pub loc: String,
    /// The same page in every language, when it has translations.
    pub alternates: Vec<(String, String)>,
}

/// The most addresses one sitemap file may list (sitemaps.org).
pub const SITEMAP_MAX_URLS: usize = 50_000;

/// A `<urlset>` of pages. The addresses come one at a time (10 000 releases list 13 000
/// pages: a list of their addresses was a second copy of the sitemap held beside it).
pub fn sitemap(urls: impl ExactSizeIterator<Item = SitemapUrl>) -> String {
    let mut out = String::with_capacity(256 + urls.len() * 200);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for u in urls {
        out.push_str("  <url>\n");
        put(&mut out, "    <loc>", &u.loc, "</loc>\n");
        for (lang, href) in &u.alternates {
            let link = "    <xhtml:link rel=\"alternate\" hreflang=\"";
            put(&mut out, link, lang, "\" href=\"");
            put(&mut out, "", href, "\"/>\n");
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// A `<sitemapindex>` listing sitemap files by full address.
pub fn sitemap_index(sitemaps: &[String]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for s in sitemaps {
        put(&mut out, "  <sitemap><loc>", s, "</loc></sitemap>\n");
    }
    out.push_str("</sitemapindex>\n");
    out
}

/// `robots.txt` allowing everything and naming the sitemap.
pub fn robots(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}

/// Appends `before`, `text` escaped for XML, then `after` (no `format!` and no copy of the
/// escaped text: a feed or sitemap is thousands of these).
fn put(out: &mut String, before: &str, text: &str, after: &str) {
    out.push_str(before);
    crate::escape::replace_ascii_into(out, text, &XML);
    out.push_str(after);
}

/// Escapes text and attribute values for XML.
pub fn escape(text: &str) -> String {
    crate::escape::replace_ascii(text, 0, &XML)
}

/// [`xml_escape`] as a rule.
static XML: std::sync::LazyLock<crate::escape::Rule> =
    std::sync::LazyLock::new(|| crate::escape::Rule::new(xml_escape));

/// What XML makes of an ASCII byte in text and attribute values.
fn xml_escape(b: u8) -> Option<&'static str> {
    match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&apos;"),
        // Characters XML 1.0 forbids are dropped.
        b if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') => Some(""),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(
            escape("a & <b> \"c\" 'd'\u{1}"),
            "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;"
        );
    }

    #[test]
    fn an_empty_feed_uses_the_fallback_time() {
        let f = Feed {
            lang: "ru",
            title: "T",
            subtitle: "",
            self_url: "https://x/ru/atom.xml",
            page_url: "https://x/ru/",
            fallback_updated: "2025-06-15T12:00:00Z",
        };
        let xml = atom(&f, &[]);
        assert!(xml.contains("<updated>2025-06-15T12:00:00Z</updated>"));
        assert!(!xml.contains("<entry>"));
    }
}
