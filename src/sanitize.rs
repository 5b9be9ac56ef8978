//! What a release body may put in a reader's browser: the HTML made from Markdown passes
//! through ammonia (html5ever's parser, an allow-list of tags, attributes and URL schemes),
//! unless the site turned `unsafe_html` on.
//!
//! The allow-list fits press releases: text, headings, lists, tables, figures, pictures, links;
//! `<iframe>` only from the hosts a site lists in `embed_hosts` (none by default). URLs with
//! `javascript:`, `vbscript:` or `data:` (but pictures' `data:image/`) are dropped.
//!
//! [`problems`] tells the writer what will be dropped, from the same lists, so that a link
//! never vanishes without a located warning.
//!
//! A body without raw HTML and without an address [`unsafe_url`] refuses does not go through
//! ammonia (`markdown::BodyHtml::needs_cleaning`): pulldown-cmark wrote every tag of it and
//! escaped every text and attribute, all inside the allow-list (a test checks each Markdown
//! construct against ammonia). That is most press releases, and it saves a tenth of a build.

use std::collections::HashSet;

/// What a site lets through.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    /// `unsafe_html: true`: raw HTML goes out as written.
    pub unsafe_html: bool,
    /// Hosts whose pages may be embedded in an `<iframe>` (`www.youtube.com`).
    pub embed_hosts: Vec<String>,
}

/// Tags a body may use, beyond ammonia's defaults (which hold text, lists, tables, links,
/// pictures, `figure` and `figcaption`).
const EXTRA_TAGS: [&str; 1] = ["iframe"];

/// URL schemes a link or picture may use (relative URLs are always allowed).
const SCHEMES: [&str; 5] = ["http", "https", "mailto", "tel", "data"];

/// Whether `url` would run script or smuggle content: `javascript:`, `vbscript:`, or `data:`
/// anywhere but a picture's `data:image/`.
pub fn unsafe_url(url: &str, picture: bool) -> bool {
    // The schemes below are at most 11 characters long: only the address's start is looked at
    // (a whole address was copied for each of the 70 000 links of a 10 000-release build).
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    squeezed.starts_with("javascript:")
        || squeezed.starts_with("vbscript:")
        || (squeezed.starts_with("data:") && !(picture && squeezed.starts_with("data:image/")))
}

/// Whether cleaning keeps a Markdown link's or picture's address `dest` as pulldown-cmark writes
/// it into `href`/`src`: the checks [`clean`] makes (ammonia's schemes, relative addresses
/// allowed, then [`unsafe_url`]) on the value ammonia would read (pulldown-cmark's escaping,
/// its character references read back).
pub fn keeps_markdown_address(dest: &str, picture: bool) -> bool {
    let mut escaped = String::with_capacity(dest.len());
    if pulldown_cmark_escape::escape_href(&mut escaped, dest).is_err() {
        return false;
    }
    let value = escaped.replace("&#x27;", "'").replace("&amp;", "&");
    let scheme_kept = match url::Url::parse(&value) {
        Ok(u) => SCHEMES.contains(&u.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    };
    scheme_kept && !unsafe_url(&value, picture)
}

/// Cleans body HTML by `policy`.
pub fn clean(html: &str, policy: &Policy) -> String {
    Cleaner::new(policy).clean(html)
}

/// [`clean`] with the allow-list built once, for many bodies.
pub struct Cleaner(Option<ammonia::Builder<'static>>);

impl Cleaner {
    /// A cleaner for `policy` (none when it lets raw HTML through).
    pub fn new(policy: &Policy) -> Cleaner {
        Cleaner((!policy.unsafe_html).then(|| builder(policy)))
    }

    /// Cleans body HTML.
    pub fn clean(&self, html: &str) -> String {
        let Some(b) = &self.0 else {
            return html.to_string();
        };
        let cleaned = b.clean(html).to_string();
        // An iframe whose address was refused is an empty frame: drop it.
        if cleaned.contains("<iframe") {
            remove_empty_frames(&cleaned)
        } else {
            cleaned
        }
    }
}

/// ammonia's allow-list for `policy`.
fn builder(policy: &Policy) -> ammonia::Builder<'static> {
    let hosts = policy.embed_hosts.clone();
    let mut b = ammonia::Builder::default();
    b.add_tags(EXTRA_TAGS)
        .add_tag_attributes(
            "iframe",
            ["src", "title", "width", "height", "allowfullscreen"],
        )
        .add_generic_attributes(["id", "class"])
        .url_schemes(SCHEMES.iter().copied().collect::<HashSet<_>>())
        .link_rel(None)
        .attribute_filter(move |tag, attr, value| {
            let picture = tag == "img" && attr == "src";
            if matches!(attr, "href" | "src") && unsafe_url(value, picture) {
                return None;
            }
            if tag == "iframe" && attr == "src" && !embeddable(value, &hosts) {
                return None;
            }
            Some(value.into())
        });
    b
}

fn remove_empty_frames(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<iframe") {
        out.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..tag_end];
        let close = rest[tag_end..]
            .find("</iframe>")
            .map_or(tag_end, |c| tag_end + c + "</iframe>".len());
        if tag.contains(" src=") {
            out.push_str(&rest[i..close]);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Whether an iframe's address is on one of `hosts` (over https).
fn embeddable(src: &str, hosts: &[String]) -> bool {
    let Some(rest) = src.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
}

/// What cleaning will remove from one piece of raw HTML written in a body: tag names not
/// allowed, event handlers and styles, unsafe addresses, frames from hosts not listed.
pub fn problems(fragment: &str, policy: &Policy) -> Vec<String> {
    if policy.unsafe_html {
        return Vec::new();
    }
    static ALLOWED: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let allowed = ALLOWED.get_or_init(|| {
        ammonia::Builder::default()
            .clone_tags()
            .into_iter()
            .chain(EXTRA_TAGS)
            .collect()
    });
    let mut found = Vec::new();
    for tag in tags(fragment) {
        if !allowed.contains(tag.name.as_str()) {
            found.push(format!("<{}>", tag.name));
            continue;
        }
        for (attr, value) in &tag.attributes {
            let picture = tag.name == "img" && attr == "src";
            if attr.starts_with("on") || attr == "style" {
                found.push(format!("{attr}=\"…\""));
            } else if matches!(attr.as_str(), "href" | "src") && unsafe_url(value, picture) {
                found.push(format!("{attr}=\"{value}\""));
            } else if tag.name == "iframe"
                && attr == "src"
                && !embeddable(value, &policy.embed_hosts)
            {
                found.push(format!("<iframe src=\"{value}\">"));
            }
        }
    }
    found
}

/// The opening tags of `html` with their attribute names (sorted; `style` left out: ammonia
/// drops the alignment pulldown-cmark writes on table cells, the one thing it takes from
/// Markdown-made HTML). Tests and the fuzz target compare it before and after [`clean`], to
/// show that a body skipping the sanitizer loses nothing to it.
pub fn shape(html: &str) -> Vec<(String, Vec<String>)> {
    tags(html)
        .into_iter()
        .map(|t| {
            let mut names: Vec<String> = t
                .attributes
                .into_iter()
                .map(|(a, _)| a)
                .filter(|a| a != "style")
                .collect();
            names.sort();
            (t.name, names)
        })
        .collect()
}

struct RawTag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The opening tags of an HTML fragment, with their attributes (names lowercase).
fn tags(html: &str) -> Vec<RawTag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let inside = &rest[name.len()..end];
        out.push(RawTag {
            name,
            attributes: attributes(inside),
        });
        rest = &rest[end..];
    }
    out
}

fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let chars: Vec<char> = inside.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '=' && chars[i] != '/' {
            i += 1;
        }
        let name: String = chars[start..i]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            i += 1;
            continue;
        }
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            let quote = chars.get(i).copied().filter(|c| *c == '"' || *c == '\'');
            if quote.is_some() {
                i += 1;
            }
            while i < chars.len()
                && match quote {
                    Some(q) => chars[i] != q,
                    None => !chars[i].is_whitespace(),
                }
            {
                value.push(chars[i]);
                i += 1;
            }
            i += 1;
        }
        out.push((name, value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body without raw HTML or unsafe addresses skips the sanitizer
    /// (`markdown::BodyHtml::needs_cleaning`): what pulldown-cmark makes of every construct,
    /// with quotes, ampersands and escaped tags in text, titles and addresses, is inside the
    /// allow-list already.
    #[test]
    fn markdown_without_raw_html_needs_no_cleaning() {
        let body = concat!(
            "# Заголовок \"в кавычках\" & <не тег>\n\n",
            "**жирный** *курсив* ~~старое~~ `<script>код</script>` \\<script>alert(1)\\</script> &lt;b&gt; &amp;\n",
            "[ссылка](https://x.kg/?a=1&b=\"2\" \"заголовок 'x' \\\"y\\\"\") ![фото \"a\"](img/x.jpg \"t\")\n",
            "<https://x.kg/a?b=c&d=\"e\"> <mail@x.kg> https://x.kg/f?g=h&i='j' www.x.kg mail2@x.kg [внутр](/ru/a/#b) [тел](tel:+996312) ![d](data:image/png;base64,AAAA)\n\n",
            "> цитата\n\n3. три\n4. четыре\n\n- a\n- [ ] b\n\n",
            "```rust\nfn main() { \"<b>\" }\n```\n\n    отступ <i>\n\n",
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n",
            "сноска[^n]\n\n[^n]: текст \"x\"\n\nстрока  \nперенос\\\nещё\n\n---\n",
        );
        let out = crate::markdown::to_html(body, |_| None);
        assert!(!out.needs_cleaning, "{}", out.html);
        assert!(!out.html.contains("<script"), "{}", out.html);
        let cleaned = clean(&out.html, &Policy::default());
        assert_eq!(shape(&out.html), shape(&cleaned), "{}", out.html);
        let dropped = problems(&out.html, &Policy::default());
        assert!(dropped.iter().all(|p| p == "style=\"…\""), "{dropped:?}");
    }

    /// Raw HTML, or a link or picture address the sanitizer refuses, sends a body through it.
    #[test]
    fn raw_html_and_unsafe_addresses_need_cleaning() {
        for body in [
            "a <b>b</b>",
            "<div>x</div>",
            "<!-- x -->",
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "[x]( javascript:alert(1) )",
            "![x](data:text/html,<script>alert(1)</script>)",
            "[x](vbscript:msgbox)",
            "<javascript:alert(1)>",
            "<httpu://x.kg/a>",
            "[x](ftp://x.kg/a)",
            "[x](http://[bad/)",
            "[x](http://x.kg:99999/)",
        ] {
            let out = crate::markdown::to_html(body, |_| None);
            assert!(out.needs_cleaning, "{body}: {}", out.html);
        }
        let rewritten = crate::markdown::to_html("[x](a.md)", |_| Some("javascript:x".into()));
        assert!(rewritten.needs_cleaning);
    }

    #[test]
    fn script_handlers_and_unsafe_urls_never_reach_the_page() {
        let p = Policy::default();
        let html = "<p>Hi<script>alert(1)</script> <a href=\"javascript:alert(1)\">x</a> \
                    <a href=\" JaVa\tScript:alert(1)\">y</a> <img src=x onerror=alert(1)> \
                    <a href=\"data:text/html,<b>\">z</a> <img src=\"data:image/png;base64,AA\"> \
                    <iframe src=\"https://evil.example/\"></iframe><svg onload=alert(1)></svg></p>";
        let out = clean(html, &p);
        for bad in [
            "<script",
            "javascript",
            "JaVa",
            "onerror",
            "data:text",
            "<iframe",
            "onload",
        ] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(out.contains("data:image/png"), "{out}");
        assert!(out.contains("<img src=\"x\">"), "{out}");
    }

    /// Spaces and control characters inside the scheme are seen through, letters in any
    /// case, whatever follows; a picture may be `data:image/`, nothing else `data:`.
    #[test]
    fn unsafe_addresses_by_their_start() {
        for url in [
            "javascript:alert(1)",
            " J a\tv\u{0}ascript:x",
            "VBScript:msgbox",
            "data:text/html,<script>",
            "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{b}\u{e}\u{f}\u{10}\u{11}\u{12}\u{13}\u{14}\u{15}\u{16}javascript:",
        ] {
            assert!(unsafe_url(url, false), "{url:?}");
        }
        assert!(!unsafe_url("data:image/png;base64,AAAA", true));
        assert!(unsafe_url("data:image/png;base64,AAAA", false));
        assert!(unsafe_url("D A T A : text/plain", true));
        for url in [
            "https://x.kg/javascript:",
            "/data:x",
            "mailto:a@x.kg",
            "файл.pdf",
            "",
        ] {
            assert!(!unsafe_url(url, false), "{url:?}");
        }
    }

    #[test]
    fn press_release_html_survives() {
        let p = Policy::default();
        let html = "<h2 id=\"x\">T</h2><table><thead><tr><th>a</th></tr></thead></table>\
                    <figure><img src=\"/img/a.jpg\" alt=\"A\"><figcaption>C</figcaption></figure>\
                    <a href=\"https://x.kg\">l</a> <a href=\"mailto:a@x.kg\">m</a> <a href=\"tel:+996312\">t</a>";
        assert_eq!(clean(html, &p), html);
    }

    #[test]
    fn frames_only_from_listed_hosts() {
        let p = Policy {
            unsafe_html: false,
            embed_hosts: vec!["www.youtube.com".into()],
        };
        let yt = "<iframe src=\"https://www.youtube.com/embed/x\" title=\"v\"></iframe>";
        assert_eq!(clean(yt, &p), yt);
        assert_eq!(
            clean(
                "<iframe src=\"http://www.youtube.com/embed/x\"></iframe>",
                &p
            ),
            ""
        );
        assert_eq!(
            clean(
                "<iframe src=\"https://www.youtube.com.evil.kg/\"></iframe>",
                &p
            ),
            ""
        );
    }

    #[test]
    fn problems_name_what_goes() {
        let p = Policy::default();
        assert_eq!(problems("<script>", &p), ["<script>"]);
        assert_eq!(
            problems("<a href='javascript:x()'>", &p),
            ["href=\"javascript:x()\""]
        );
        assert_eq!(
            problems("<img src=a.jpg onerror=\"x\">", &p),
            ["onerror=\"…\""]
        );
        assert!(problems("<b>", &p).is_empty());
        assert!(
            problems("</script>", &p).is_empty(),
            "closing tags are not counted twice"
        );
        assert!(
            problems(
                "<script>",
                &Policy {
                    unsafe_html: true,
                    ..Policy::default()
                }
            )
            .is_empty()
        );
    }
}
