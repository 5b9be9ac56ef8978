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
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(feed.lang)
    ));
    out.push_str(&format!("  <title>{}</title>\n", escape(feed.title)));
    if !feed.subtitle.is_empty() {
        out.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            escape(feed.subtitle)
        ));
    }
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(feed.self_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(feed.page_url)
    ));
    out.push_str(&format!("  <id>{}</id>\n", escape(feed.self_url)));
    let updated = entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or(feed.fallback_updated);
    out.push_str(&format!("  <updated>{}</updated>\n", escape(updated)));
    out.push_str("  <generator>jarya</generator>\n");
    for e in entries {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", escape(&e.title)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&e.url)
        ));
        out.push_str(&format!("    <id>{}</id>\n", escape(&e.url)));
        out.push_str(&format!(
            "    <published>{}</published>\n",
            escape(&e.updated)
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", escape(&e.updated)));
        for a in &e.authors {
            out.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape(a)
            ));
        }
        for (term, label) in &e.categories {
            out.push_str(&format!(
                "    <category term=\"{}\" label=\"{}\"/>\n",
                escape(term),
                escape(label)
            ));
        }
        out.push_str(&format!("    <summary>{}</summary>\n", escape(&e.summary)));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
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
        out.push_str(&format!("    <loc>{}</loc>\n", escape(&u.loc)));
        for (lang, href) in &u.alternates {
            out.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                escape(lang),
                escape(href)
            ));
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
        out.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", escape(s)));
    }
    out.push_str("</sitemapindex>\n");
    out
}

/// `robots.txt` allowing everything and naming the sitemap.
pub fn robots(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}

/// Escapes text and attribute values for XML.
pub fn escape(text: &str) -> String {
    crate::escape::replace_ascii(text, 0, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&apos;"),
        // Characters XML 1.0 forbids are dropped.
        b if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') => Some(""),
        _ => None,
    })
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
