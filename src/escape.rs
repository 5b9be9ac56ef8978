//! The one loop behind the text escapers of each output format (XML in `feeds`, iCalendar TEXT
//! in `ics`): each decides what its special characters become; this copies the rest.

/// `text` with each byte that `with` names replaced by what it returns (`""` drops it). `with`
/// is asked about ASCII bytes only: then every cut falls between characters, and the text
/// between cuts is copied as it is, in runs, instead of character by character.
pub fn replace_ascii(
    text: &str,
    extra: usize,
    with: impl Fn(u8) -> Option<&'static str>,
) -> String {
    let mut out = String::with_capacity(text.len() + extra);
    replace_ascii_into(&mut out, text, with);
    out
}

/// [`replace_ascii`], appending to `out`.
pub fn replace_ascii_into(out: &mut String, text: &str, with: impl Fn(u8) -> Option<&'static str>) {
    let mut start = 0;
    for (at, b) in text.bytes().enumerate() {
        if !b.is_ascii() {
            continue;
        }
        if let Some(by) = with(b) {
            out.push_str(&text[start..at]);
            out.push_str(by);
            start = at + 1;
        }
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_named_ascii_bytes_are_replaced() {
        let dash = |b| (b == b'-').then_some("+");
        assert_eq!(replace_ascii("а-б--в-", 0, dash), "а+б++в+");
        assert_eq!(replace_ascii("", 0, dash), "");
        // A rule naming a byte inside a letter is ignored rather than cutting the letter.
        assert_eq!(replace_ascii("ж", 0, |b| (b == 0xb6).then_some("?")), "ж");
    }
}
