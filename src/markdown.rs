//! Markdown: the pulldown-cmark options in one place; body HTML and plain-text summaries.
//!
//! In: a release body (CommonMark plus tables, footnotes, strikethrough). Out: HTML, or the
//! first paragraph as plain text. Raw HTML written in a body is kept, as in CommonMark: the body
//! is the NGO's own text. Front matter never passes through here.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// The body as HTML.
pub fn to_html(body: &str) -> String {
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(body, options()));
    html
}

/// The most characters a default summary keeps.
const SUMMARY_MAX_CHARS: usize = 300;

/// The first paragraph as plain text, spaces folded, cut at a word after
/// [`SUMMARY_MAX_CHARS`] characters with "…".
pub fn first_paragraph_text(body: &str) -> String {
    let mut text = String::new();
    let mut depth = 0usize;
    let mut done = false;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Paragraph) => depth += 1,
            Event::End(TagEnd::Paragraph) if depth > 0 => {
                done = !text.trim().is_empty();
                depth -= 1;
            }
            Event::Text(t) | Event::Code(t) if depth > 0 => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth > 0 => text.push(' '),
            _ => {}
        }
        if done {
            break;
        }
    }
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    truncate_words(&folded, SUMMARY_MAX_CHARS)
}

/// Cuts `text` to at most `max` characters at a space, adding "…" when it cut.
pub fn truncate_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let head = match cut.rfind(' ') {
        Some(i) if i > 0 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ', '—', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_footnotes_and_strikethrough_are_on() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n[^1]: note\n");
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
}
