//! Markdown: the pulldown-cmark options in one place; body HTML and plain-text summaries.
//!
//! In: a release body (CommonMark plus tables, footnotes, strikethrough). Out: HTML, or the
//! first paragraph as plain text. Raw HTML written in a body is kept, as in CommonMark, and marks
//! the body for the sanitizer (`crate::sanitize`), as does an unsafe link address. Front matter
//! never passes through here.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// A body as HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyHtml {
    /// The HTML.
    pub html: String,
    /// Whether it must pass the sanitizer: the body holds raw HTML, or a link or picture whose
    /// address the sanitizer would not keep ([`crate::sanitize::keeps_markdown_address`]).
    /// Without either, pulldown-cmark wrote every tag and escaped every text and attribute
    /// itself: nothing in it can run.
    pub needs_cleaning: bool,
}

/// The body as HTML. `rewrite` may replace a link's or picture's address (a link to another
/// release's `.md` file becomes its page's address); `None` keeps it as written.
pub fn to_html(body: &str, rewrite: impl Fn(&str) -> Option<String>) -> BodyHtml {
    let mut html = String::with_capacity(body.len() * 3 / 2);
    let needs_cleaning = std::cell::Cell::new(false);
    let events = Parser::new_ext(body, options()).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: address(dest_url, false, &rewrite, &needs_cleaning),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: address(dest_url, true, &rewrite, &needs_cleaning),
            title,
            id,
        }),
        Event::Html(h) => {
            needs_cleaning.set(true);
            Event::Html(h)
        }
        Event::InlineHtml(h) => {
            needs_cleaning.set(true);
            Event::InlineHtml(h)
        }
        other => other,
    });
    let mut quiet = 0usize;
    let events = pulldown_cmark::TextMergeStream::new(events)
        .flat_map(|event| autolink(event, &mut quiet, &rewrite, &needs_cleaning));
    pulldown_cmark::html::push_html(&mut html, events);
    // `<br />`, `<hr />`, `<img … />` as HTML writes them: `<br>`. Outside raw HTML, " />" is
    // only ever a tag's end (pulldown-cmark escapes `>` in text and attributes).
    if !needs_cleaning.get() && html.contains(" />") {
        html = html.replace(" />", ">");
    }
    BodyHtml {
        html,
        needs_cleaning: needs_cleaning.get(),
    }
}

/// A link's or picture's address, rewritten by `rewrite`; `unsafe_seen` is set when it is one
/// the sanitizer refuses.
fn address<'a>(
    dest_url: CowStr<'a>,
    picture: bool,
    rewrite: &impl Fn(&str) -> Option<String>,
    unsafe_seen: &std::cell::Cell<bool>,
) -> CowStr<'a> {
    let dest = rewrite(&dest_url).map_or(dest_url, CowStr::from);
    if !crate::sanitize::keeps_markdown_address(&dest, picture) {
        unsafe_seen.set(true);
    }
    dest
}

/// One event, or a text split around the addresses and emails written in it.
enum Events<'a> {
    One(Option<Event<'a>>),
    Many(std::vec::IntoIter<Event<'a>>),
}

impl<'a> Iterator for Events<'a> {
    type Item = Event<'a>;
    fn next(&mut self) -> Option<Event<'a>> {
        match self {
            Events::One(e) => e.take(),
            Events::Many(m) => m.next(),
        }
    }
}

/// Web addresses (`https://…`, `www.…`) and emails written as plain text become links, as
/// readers expect of a press release pasted from Word (and as GitHub's Markdown and Hugo do);
/// not inside a link, a picture's description or code. `quiet` counts the open ones.
fn autolink<'a>(
    event: Event<'a>,
    quiet: &mut usize,
    rewrite: &impl Fn(&str) -> Option<String>,
    unsafe_seen: &std::cell::Cell<bool>,
) -> Events<'a> {
    match &event {
        Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => *quiet += 1,
        Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
            *quiet = quiet.saturating_sub(1)
        }
        // A link written in HTML (`<a href=…>see https://…</a>`): no link inside it.
        Event::InlineHtml(h) | Event::Html(h) => {
            let tag = h.trim_start().as_bytes();
            let named = |name: &[u8]| {
                tag.len() > name.len()
                    && tag[..name.len()].eq_ignore_ascii_case(name)
                    && !tag[name.len()].is_ascii_alphanumeric()
            };
            if named(b"<a") {
                *quiet += 1;
            } else if named(b"</a") {
                *quiet = quiet.saturating_sub(1);
            }
        }
        // Most texts have none: looked for only where one could start.
        Event::Text(t)
            if *quiet == 0 && (t.contains('@') || t.contains("://") || t.contains("www.")) =>
        {
            if let Some(split) = split_addresses(t, rewrite, unsafe_seen) {
                return Events::Many(split.into_iter());
            }
        }
        _ => {}
    }
    Events::One(Some(event))
}

/// `text` as text and link events around the addresses in it, or `None` when it has none.
fn split_addresses<'a>(
    text: &str,
    rewrite: &impl Fn(&str) -> Option<String>,
    unsafe_seen: &std::cell::Cell<bool>,
) -> Option<Vec<Event<'a>>> {
    let mut finder = linkify::LinkFinder::new();
    finder.url_must_have_scheme(false);
    let mut out = Vec::new();
    let mut last = 0;
    for link in finder.links(text) {
        let written = link.as_str();
        let (href, link_type) = match link.kind() {
            // pulldown-cmark writes `mailto:` before an email link's address itself.
            linkify::LinkKind::Email => (written.to_string(), LinkType::Email),
            // `example.kg` alone could be a file's name (`отчёт.pdf`): only `www.` counts.
            // Web addresses only: `javascript://…` or `ftp://…` written as text stay text.
            _ if starts_with_ignoring_case(written, "https://")
                || starts_with_ignoring_case(written, "http://") =>
            {
                (written.to_string(), LinkType::Autolink)
            }
            _ if written.starts_with("www.") => (format!("https://{written}"), LinkType::Autolink),
            _ => continue,
        };
        if link.start() > last {
            out.push(Event::Text(text[last..link.start()].to_string().into()));
        }
        out.push(Event::Start(Tag::Link {
            link_type,
            dest_url: address(href.into(), false, rewrite, unsafe_seen),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }));
        out.push(Event::Text(written.to_string().into()));
        out.push(Event::End(TagEnd::Link));
        last = link.end();
    }
    if out.is_empty() {
        return None;
    }
    if last < text.len() {
        out.push(Event::Text(text[last..].to_string().into()));
    }
    Some(out)
}

fn starts_with_ignoring_case(text: &str, start: &str) -> bool {
    text.get(..start.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(start))
}

/// A link or picture written in a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyLink {
    /// The address as written.
    pub dest: String,
    /// Line in the body (0 for its first line) and column (1-based, in characters).
    pub line: usize,
    pub column: usize,
    /// How many characters the link takes on its first line.
    pub width: usize,
    /// A picture (`![alt](src)`) rather than a link.
    pub image: bool,
}

/// What the load stage learns from a body in one pass.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// The first paragraph as plain text (see [`first_paragraph_text`]).
    pub first_paragraph: String,
    /// Every link and picture but email links.
    pub links: Vec<BodyLink>,
    /// Every piece of raw HTML, with its place (`dest` holds the HTML).
    pub html: Vec<BodyLink>,
    /// Paragraphs that look like several paragraphs or list items pasted without empty lines
    /// ([`looks_pasted`]): their first line in the body and how many lines they have.
    pub joined: Vec<(usize, usize)>,
    /// Paragraphs still as `jarya new` wrote them ([`crate::content::is_example`]): their line.
    pub examples: Vec<usize>,
}

/// Reads a body once: its first paragraph as text and its links with their places.
pub fn scan(body: &str) -> Scan {
    let mut para = ParagraphText::default();
    let mut links = Vec::new();
    let mut html = Vec::new();
    let mut joined = Vec::new();
    let mut examples = Vec::new();
    let mut line = 0;
    let mut counted = 0;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if let Event::Start(Tag::Paragraph) = &event {
            let text = &body[range.clone()];
            let (pasted, example) = (looks_pasted(text), crate::content::is_example(text));
            if pasted.is_some() || example {
                line += newlines(&body[counted..range.start]);
                counted = range.start;
            }
            joined.extend(pasted.map(|lines| (line, lines)));
            if example {
                examples.push(line);
            }
        }
        if let Event::Html(text) | Event::InlineHtml(text) = &event {
            line += newlines(&body[counted..range.start]);
            counted = range.start;
            let before = &body[..range.start];
            html.push(BodyLink {
                dest: text.to_string(),
                line,
                column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                width: text.lines().next().map_or(1, |l| l.chars().count()),
                image: false,
            });
        }
        let (dest, image) = match &event {
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => (None, false),
            Event::Start(Tag::Link { dest_url, .. }) => (Some(dest_url), false),
            Event::Start(Tag::Image { dest_url, .. }) => (Some(dest_url), true),
            _ => (None, false),
        };
        if let Some(dest) = dest {
            // Offsets only grow between links, so lines are counted once over the body.
            line += newlines(&body[counted..range.start]);
            counted = range.start;
            let before = &body[..range.start];
            links.push(BodyLink {
                dest: dest.to_string(),
                line,
                column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                width: body[range.clone()]
                    .lines()
                    .next()
                    .map_or(1, |l| l.chars().count()),
                image,
            });
        }
        para.push(&event);
    }
    // Kept with the release for the whole build: no room that is never written.
    links.shrink_to_fit();
    html.shrink_to_fit();
    Scan {
        first_paragraph: para.finish(),
        links,
        html,
        joined,
        examples,
    }
}

/// How many lines a paragraph has when they look like paragraphs or list items pasted from
/// Word without empty lines between them, which the page runs together: a line after the first
/// starts with a bullet (`•`, `●`, `▪`, `◦`, `·`, Word's symbol-font bullet), or three lines or
/// more each end a sentence (`.`, `!`, `?`, `:`, `;`, `…`, before closing quotes). Text wrapped
/// by hand breaks lines inside sentences and is left alone.
fn looks_pasted(text: &str) -> Option<usize> {
    // A one-line paragraph has nothing to look at (this runs on every paragraph of a build).
    if !text.trim_end().contains('\n') {
        return None;
    }
    let bullet = |l: &str| l.starts_with(['•', '●', '▪', '◦', '·', '\u{F0B7}']);
    let ends = |l: &str| {
        (l.trim_end_matches(['»', '"', '”', ')', '*', '_']))
            .ends_with(['.', '!', '?', ':', ';', '…'])
    };
    let (mut count, mut all_end, mut any_bullet) = (0, true, false);
    let (mut ended, mut hard_break) = (true, false);
    for raw in text.lines() {
        let l = raw.trim();
        if l.is_empty() {
            continue;
        }
        if count > 0 {
            // A hard line break (two spaces or `\` at the end of a line) is kept on the page:
            // lines broken so are what the writer meant.
            if hard_break {
                return None;
            }
            all_end &= ended;
            any_bullet |= bullet(l);
        }
        (ended, hard_break) = (ends(l), raw.ends_with("  ") || raw.ends_with('\\'));
        count += 1;
    }
    ((count >= 3 && all_end) || any_bullet).then_some(count)
}

/// How many line breaks `text` has (memchr's SIMD count: the bodies' long paragraphs made the
/// standard library's search, one call per line, 0.8 % of a build's instructions).
fn newlines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// Collects the text of the first non-empty paragraph.
#[derive(Default)]
struct ParagraphText {
    text: String,
    depth: usize,
    done: bool,
}

impl ParagraphText {
    fn push(&mut self, event: &Event<'_>) {
        if self.done {
            return;
        }
        match event {
            Event::Start(Tag::Paragraph) => self.depth += 1,
            Event::End(TagEnd::Paragraph) if self.depth > 0 => {
                self.done = !self.text.trim().is_empty();
                self.depth -= 1;
            }
            Event::Text(t) | Event::Code(t) if self.depth > 0 => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak if self.depth > 0 => self.text.push(' '),
            _ => {}
        }
    }

    fn finish(self) -> String {
        let folded = crate::content::fold_spaces(&self.text);
        truncate_words(&folded, SUMMARY_MAX_CHARS)
    }
}

/// The most characters a default summary keeps.
const SUMMARY_MAX_CHARS: usize = 300;

/// The first paragraph as plain text, spaces folded, cut at a word after
/// [`SUMMARY_MAX_CHARS`] characters with "…".
pub fn first_paragraph_text(body: &str) -> String {
    let mut para = ParagraphText::default();
    for event in Parser::new_ext(body, options()) {
        para.push(&event);
        if para.done {
            break;
        }
    }
    para.finish()
}

/// Every word a reader sees in `body` (text and code, no markup or link targets), spaced.
pub fn plain_text(body: &str) -> String {
    let mut text = String::with_capacity(body.len());
    for event in Parser::new_ext(body, options()) {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(&t);
            text.push(' ');
        }
    }
    text
}

/// Cuts `text` to at most `max` characters at a space, adding "…" when it cut.
pub fn truncate_words(text: &str, max: usize) -> String {
    // The first `max` characters, in place.
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_string();
    };
    let cut = &text[..end];
    let head = match cut.rfind(' ') {
        Some(i) if i > 0 => &cut[..i],
        _ => cut,
    };
    let head = head.trim_end_matches([',', ';', ':', ' ', '—', '-']);
    // Exactly as long as it is: summaries are kept for the whole build.
    let mut out = String::with_capacity(head.len() + '…'.len_utf8());
    out.push_str(head);
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cut at the last space within `max` characters (letters, not bytes), without trailing
    /// punctuation; text that fits is kept whole.
    #[test]
    fn summaries_cut_at_a_space_within_max_letters() {
        assert_eq!(truncate_words("Бишкек, Ош", 10), "Бишкек, Ош");
        assert_eq!(truncate_words("Бишкек, Ош, Нарын", 10), "Бишкек…");
        assert_eq!(truncate_words("Бишкек, Ош, Нарын", 12), "Бишкек, Ош…");
        assert_eq!(truncate_words("Бишкек, Ош", 9), "Бишкек…");
        assert_eq!(truncate_words("Жарыяланды", 4), "Жары…");
        assert_eq!(truncate_words("", 0), "");
    }

    #[test]
    fn tables_footnotes_and_strikethrough_are_on() {
        let html = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n[^1]: note\n",
            |_| None,
        )
        .html;
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }

    #[test]
    fn first_paragraph_skips_headings_and_strips_markup() {
        let body =
            "# Заголовок\n\n**27 июня** в [Бишкеке](https://x.kg)\nпройдёт встреча.\n\nВторой.";
        assert_eq!(
            first_paragraph_text(body),
            "27 июня в Бишкеке пройдёт встреча."
        );
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        let body = "слово ".repeat(100);
        let s = first_paragraph_text(&body);
        assert!(s.ends_with("слово…"), "{s}");
        assert!(s.chars().count() <= SUMMARY_MAX_CHARS + 1);
    }

    #[test]
    fn scan_finds_links_with_places_and_the_first_paragraph() {
        let body =
            "Первый [абзац](a.md).\n\nВторой ![фото](img/x.jpg)\nи <mail@x.kg> [b](../ky/b.md#x)\n";
        let s = scan(body);
        assert_eq!(s.first_paragraph, "Первый абзац.");
        let found: Vec<(&str, usize, usize, bool)> = s
            .links
            .iter()
            .map(|l| (l.dest.as_str(), l.line, l.column, l.image))
            .collect();
        assert_eq!(
            found,
            [
                ("a.md", 0, 8, false),
                ("img/x.jpg", 2, 8, true),
                ("../ky/b.md#x", 3, 15, false)
            ]
        );
    }

    #[test]
    fn paragraphs_pasted_without_empty_lines_are_found_and_wrapped_text_is_not() {
        let pasted = "Текст.\n\nВ Бишкеке пройдёт стол.\nУчастники обсудят «вопросы».\nПрограмма:\n• 10:00 — открытие;\n";
        assert_eq!(scan(pasted).joined, [(2, 4)]);
        let bullets = "Программа\n• открытие\n• выводы\n";
        assert_eq!(scan(bullets).joined, [(0, 3)]);
        // Wrapped by hand: lines break inside sentences; two sentences on two lines pass too.
        let wrapped = "21 декабря в Бишкеке пройдёт стол, на котором\nпредставители НКО обсудят, как\nрешать вопросы сёл.\n\nПервая.\nВторая.\n";
        assert!(scan(wrapped).joined.is_empty());
        // Hard line breaks are kept on the page.
        let breaks = "Адрес:  \nг. Бишкек.  \nтел. 0555\n\nА.\\\nБ.\\\nВ.\n";
        assert!(scan(breaks).joined.is_empty());
        // Real lists and separate paragraphs are what the writer meant.
        let list = "Программа:\n\n- открытие;\n- выводы.\n\nДа.\n\nНет.\n";
        assert!(scan(list).joined.is_empty());
    }

    #[test]
    fn addresses_and_emails_in_text_become_links_but_not_in_links_or_code() {
        let html = |md: &str| to_html(md, |_| None).html;
        assert_eq!(
            html("Сайт: https://ngo.kg/novosti?id=1&x=2. Почта: press@ngo.kg, www.ngo.kg (и всё)."),
            "<p>Сайт: <a href=\"https://ngo.kg/novosti?id=1&amp;x=2\">https://ngo.kg/novosti?id=1&amp;x=2</a>. \
             Почта: <a href=\"mailto:press@ngo.kg\">press@ngo.kg</a>, \
             <a href=\"https://www.ngo.kg\">www.ngo.kg</a> (и всё).</p>\n"
        );
        // A file's name is not a site; a link, a picture's description and code stay as written.
        for kept in [
            "Отчёт: otchet.pdf, т.е. итоги.",
            "[https://a.kg](https://b.kg)",
            "![см. www.a.kg](/a.png)",
            "`www.a.kg`",
            "    https://a.kg\n",
        ] {
            let out = html(kept);
            assert_eq!(
                out.matches("<a ").count(),
                kept.matches("](h").count(),
                "{out}"
            );
        }
        // Only web addresses: other schemes written as text stay text.
        for text in [
            "javascript://%0aalert(1)",
            "ftp://files.kg/a",
            "file:///c:/a",
        ] {
            let out = to_html(text, |_| None);
            assert!(!out.html.contains("<a"), "{}", out.html);
            assert!(!out.needs_cleaning, "{text}");
        }
        assert!(html("HTTPS://NGO.KG").contains("href=\"HTTPS://NGO.KG\""));
        // Nor inside a link written in HTML (the sanitizer would split nested links).
        let raw = html("<a href=\"https://a.kg\">см. https://b.kg</a> и https://c.kg");
        assert_eq!(raw.matches("<a ").count(), 2, "{raw}");
        assert!(raw.contains("см. https://b.kg</a>"), "{raw}");
        // An address split by a Markdown character (`_`) is still one link.
        assert!(html("https://a.kg/a_b_c").contains("href=\"https://a.kg/a_b_c\""));
        assert!(!to_html("press@ngo.kg", |_| None).needs_cleaning);
    }

    #[test]
    fn links_are_rewritten_only_where_asked() {
        let html = to_html("[a](a.md) [b](https://x.kg)", |d| {
            (d == "a.md").then(|| "/ru/a/".to_string())
        })
        .html;
        assert!(html.contains(r#"href="/ru/a/""#), "{html}");
        assert!(html.contains(r#"href="https://x.kg""#), "{html}");
    }
}
