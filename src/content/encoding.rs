//! Load stage, encodings: files that are not UTF-8 but say or show what they are.
//!
//! Windows' Notepad saves "Unicode" as UTF-16 with a byte order mark, and older Notepads and
//! Word's "plain text" save "ANSI", which on a Russian or Kyrgyz Windows is windows-1251.
//! UTF-16 with its mark is read as such: the mark says what it is. Windows-1251 has no mark;
//! a file is read as windows-1251 only when it cannot be UTF-8 (its non-ASCII bytes are not
//! UTF-8 sequences, not a UTF-8 file with one damaged byte) and what it gives is Cyrillic
//! text. The writer is told (a warning: the guess should be made true by saving as UTF-8),
//! and windows-1251 has no ң, ө, ү: Notepad saved them as `?`, which is an error where it
//! stands, so that a Kyrgyz word is never published with a question mark in it.

/// The encoding a text was read from, when it was not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 (little or big endian) with its byte order mark.
    Utf16,
    /// Windows-1251 ("ANSI" on a Cyrillic Windows), found by looking at the text.
    Windows1251,
}

/// `bytes`, which are not UTF-8, as text when they are UTF-16 with a byte order mark, or
/// Cyrillic text in windows-1251; `None` otherwise (the caller says that the file is not
/// UTF-8). The byte order mark is dropped.
pub fn decode(bytes: &[u8]) -> Option<(String, Encoding)> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_8 {
            return None;
        }
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])?
            .into_owned();
        return Some((text, Encoding::Utf16));
    }
    if !looks_like_windows_1251(bytes) {
        return None;
    }
    let text = encoding_rs::WINDOWS_1251
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    is_cyrillic(&text).then_some((text, Encoding::Windows1251))
}

/// Whether the non-ASCII bytes of `bytes` are mostly not UTF-8 sequences: a UTF-8 file with a
/// damaged byte is still mostly sequences (and is reported as not UTF-8), while Russian in
/// windows-1251 almost never forms one (a capital letter followed by `«`, at most).
fn looks_like_windows_1251(bytes: &[u8]) -> bool {
    let (mut sequences, mut stray) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        let valid = encoding_rs::Encoding::utf8_valid_up_to(rest);
        let (good, bad) = rest.split_at(valid);
        sequences += good.iter().filter(|&&b| b >= 0xc0).count();
        match bad.first() {
            Some(_) => {
                stray += 1;
                rest = &bad[1..];
            }
            None => rest = bad,
        }
    }
    stray > 0 && sequences * 10 < stray
}

/// Whether `text`'s letters beyond ASCII are nearly all Cyrillic, most of them small, in
/// words of their own, with as many vowels as Russian and Kyrgyz have (about two in five): a
/// Western "ANSI" file read as windows-1251 gives Cyrillic inside Latin words (`Rйunion`),
/// Greek gives capitals inside words and few vowels (`УхнЬнфзуз`), other encodings signs and
/// Serbian letters, and Russian in KOI8-R gives Cyrillic with small and capital swapped.
fn is_cyrillic(text: &str) -> bool {
    let (mut small, mut capital, mut other, mut mixed) = (0usize, 0usize, 0usize, 0usize);
    let mut vowels = 0usize;
    let (mut run, mut longest) = (0usize, 0usize);
    let mut last = ' ';
    for c in text.chars() {
        let letter = is_cyrillic_letter(c);
        if letter {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
        let capital_inside = c.is_uppercase() && last.is_lowercase();
        let beside_latin = (letter && last.is_ascii_alphabetic())
            || (c.is_ascii_alphabetic() && is_cyrillic_letter(last));
        if letter && capital_inside || beside_latin {
            mixed += 1;
        }
        if letter && "аеёиоуыэюяАЕЁИОУЫЭЮЯ".contains(c) {
            vowels += 1;
        }
        last = c;
        match c {
            'а'..='я' | 'ё' => small += 1,
            'А'..='Я' | 'Ё' => capital += 1,
            c if c.is_ascii() => {}
            '«' | '»' | '–' | '—' | '…' | '№' | '“' | '”' | '„' | '‘' | '’' | '\u{a0}' | '•'
            | '·' | '°' | '§' | '©' | '®' | '™' | '€' | '±' => {}
            _ => other += 1,
        }
    }
    let cyrillic = small + capital;
    longest >= 3
        && small > capital
        && (other + mixed) * 20 <= cyrillic
        && vowels * 10 >= cyrillic * 3
}

/// А to я, Ё and ё: the Russian letters, all windows-1251 has of Cyrillic but for Ukrainian,
/// Belarusian and Serbian ones.
fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ё' | 'ё')
}

/// In text read as windows-1251: the first word where a letter windows-1251 does not have
/// (ң, ө, ү) was saved as `?`: a `?` before a Cyrillic letter, inside a word or starting one
/// (`к?з`, `?з`; a question mark ends a word, and a space follows it), with its line and
/// column (1-based, in characters).
pub fn lost_letter(text: &str) -> Option<(usize, usize, String)> {
    let cyrillic = |c: Option<char>| c.is_some_and(is_cyrillic_letter);
    for (i, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '?') {
            let before = at.checked_sub(1).and_then(|b| chars.get(b).copied());
            let starts_word = before.is_none_or(|c| !c.is_alphanumeric());
            if (cyrillic(before) || starts_word) && cyrillic(chars.get(at + 1).copied()) {
                let word = |c: &char| cyrillic(Some(*c)) || *c == '?';
                let start = chars[..at]
                    .iter()
                    .rposition(|c| !word(c))
                    .map_or(0, |s| s + 1);
                let end = chars[at..]
                    .iter()
                    .position(|c| !word(c))
                    .map_or(chars.len(), |e| at + e);
                return Some((i + 1, start + 1, chars[start..end].iter().collect()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1251(s: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(s);
        assert!(!unmappable, "{s} is not all windows-1251");
        bytes.into_owned()
    }

    #[test]
    fn russian_in_windows_1251_is_read() {
        let text = "---\ntitle: «Итоги года» — встреча\n---\n\nПервый абзац: ёлка, № 5.\n";
        assert_eq!(
            decode(&cp1251(text)),
            Some((text.to_string(), Encoding::Windows1251))
        );
    }

    #[test]
    fn utf_16_with_its_mark_is_read_both_ways() {
        let text = "---\ntitle: Жаңылык өткөрүлөт\n---\n";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), Some((text.to_string(), Encoding::Utf16)));
        assert_eq!(decode(&be), Some((text.to_string(), Encoding::Utf16)));
        // Cut in the middle of a letter: not read.
        assert_eq!(decode(&le[..le.len() - 1]), None);
    }

    #[test]
    fn a_utf_8_file_with_a_damaged_byte_is_not_taken_for_windows_1251() {
        let mut bytes = "---\ntitle: Итоги года, встреча в Бишкеке\n---\n"
            .as_bytes()
            .to_vec();
        bytes[15] = 0xff;
        assert_eq!(decode(&bytes), None);
    }

    #[test]
    fn other_encodings_and_binary_files_are_not_read() {
        // Latin-1 French, Greek in windows-1253, KOI8-R Russian, a PNG's start.
        let latin = encoding_rs::WINDOWS_1252.encode("Réunion à Genève, été").0;
        let greek = encoding_rs::WINDOWS_1253.encode("Συνάντηση στην Αθήνα").0;
        let koi = encoding_rs::KOI8_R.encode("Итоги года: встреча").0;
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00".to_vec();
        for bytes in [latin.to_vec(), greek.to_vec(), koi.to_vec(), png] {
            assert_eq!(decode(&bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn a_question_mark_inside_a_word_is_a_lost_letter() {
        let text = "---\ntitle: Жа?ылык\n---\nБул ?з?нч? жолугушуу. Эмне? Ооба?\n";
        assert_eq!(lost_letter(text), Some((2, 8, "Жа?ылык".to_string())));
        let asked = "---\ntitle: Что? Где? Когда?\n---\nhttps://a.kg/?q=1 «Да?» (?) Что?!\n";
        assert_eq!(lost_letter(asked), None);
        // A word starting with a lost letter (өз, үй), alone or first in its line.
        assert_eq!(
            lost_letter("Эмне?\n?з?нч?"),
            Some((2, 1, "?з?нч?".to_string()))
        );
        assert_eq!(lost_letter("Биз ?з ?й"), Some((1, 5, "?з".to_string())));
        assert_eq!(lost_letter("«?й»"), Some((1, 2, "?й".to_string())));
    }
}
