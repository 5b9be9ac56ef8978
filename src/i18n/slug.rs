//! Languages, addresses: slugs romanized by BGN/PCGN, and the collation of names.

use super::Lang;

/// The most characters a slug may have.
pub const MAX_SLUG_LEN: usize = 80;

/// Whether `slug` is a name Windows keeps for a device (`con`, `nul`, `com1`, ...): a folder
/// of that name cannot be made or opened there, so its page could not be built or previewed on
/// Windows. Slugs ([`slugify`]) are lowercase ASCII.
pub fn windows_device_name(slug: &str) -> bool {
    let numbered = |prefix: &str| {
        slug.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
    };
    matches!(slug, "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt")
}

/// Letters after which a vowel is iotated as at a word's start (`е` -> `ye`, `я` -> `ya`): the
/// vowels and the signs. An array of characters: a string's `contains` searched it with
/// memchr for every letter of every title.
const AFTER_VOWEL: [char; 15] = [
    'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ө', 'ү', 'ъ', 'ь', 'й',
];

/// Turns a title or file name into a URL slug: lowercase ASCII letters, digits and `-`.
///
/// Cyrillic is romanized by BGN/PCGN for the given language (Russian ж -> zh, Kyrgyz ж -> j,
/// ң -> ng, ө -> o, ү -> u; ъ and ь dropped; е -> ye at the start of a word and after a vowel).
/// Anything else that is not a letter or digit becomes one `-`. At most
/// [`MAX_SLUG_LEN`] characters, cut at a `-`, keeping trailing numbers (see `cut_at_hyphen`).
/// Returns an empty string when nothing is left.
pub fn slugify(lang: Lang, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        if invisible(c) {
            continue;
        }
        let at_word_start = prev.is_none_or(|p| !p.is_alphanumeric());
        let after_vowel = prev.is_some_and(|p| AFTER_VOWEL.contains(&p));
        match romanize(lang, c, at_word_start || after_vowel) {
            Some(s) => out.push_str(s),
            None if c.is_ascii_alphanumeric() => out.push(c),
            None if c == 'ъ' || c == 'ь' => {}
            None => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
        prev = Some(c);
    }
    cut_at_hyphen(out.trim_matches('-'), MAX_SLUG_LEN)
}

/// Characters that show nothing and mean nothing in Russian or Kyrgyz text, which text pasted
/// from Word or the web carries unseen: zero-width spaces, byte order marks, soft hyphens and
/// word joiners. Removed from front matter before it is read (`content::span::clean_spaces`),
/// so that `Граждан<soft hyphen>ское общество` is the topic `Гражданское общество`, and left
/// out of slugs.
pub const UNSEEN: [char; 4] = ['\u{200b}', '\u{feff}', '\u{ad}', '\u{2060}'];

/// Whether `c` is one of the [`UNSEEN`] characters.
pub fn unseen(c: char) -> bool {
    UNSEEN.contains(&c)
}

/// What slugs leave out besides [`unseen`] characters: a stress mark (U+0301) and zero-width
/// joiners and non-joiners, which texts keep (emoji and other scripts need them).
fn invisible(c: char) -> bool {
    unseen(c) || matches!(c, '\u{301}' | '\u{200C}' | '\u{200D}')
}

/// Cuts a slug to `max` characters at a `-`. Trailing all-digit words (dates, numbers: what
/// usually tells two similar names apart, as in `forum-20250627-003`) are kept, and the words
/// before them are cut instead.
fn cut_at_hyphen(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let words: Vec<&str> = s.split('-').collect();
    let digits = words
        .iter()
        .rev()
        .take_while(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .count();
    let tail = words[words.len() - digits..].join("-");
    if digits > 0 && digits < words.len() && tail.len() + 1 < max / 2 {
        let head = words[..words.len() - digits].join("-");
        return format!("{}-{tail}", cut_words(&head, max - tail.len() - 1));
    }
    cut_words(s, max).to_string()
}

/// The longest prefix of `s` of at most `max` bytes that ends at a `-` (or the hard cut when
/// the first word alone is longer). Slugs are ASCII, so bytes are characters.
fn cut_words(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let head = &s[..max];
    if s.as_bytes().get(max) == Some(&b'-') {
        return head;
    }
    match head.rfind('-') {
        Some(i) if i > 0 => &head[..i],
        _ => head,
    }
}

/// One lowercase letter in ASCII, or `None` when it is not Cyrillic.
fn romanize(lang: Lang, c: char, iotated: bool) -> Option<&'static str> {
    let s = match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' if iotated => "ye",
        'е' => "e",
        'ё' if lang == Lang::Ky => "yo",
        'ё' if iotated => "ye",
        'ё' => "e",
        'ж' if lang == Lang::Ky => "j",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' => "o",
        'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ү' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        // Letters of neighbouring languages that turn up in names.
        'ә' => "a",
        'ғ' => "gh",
        'қ' => "q",
        'ұ' => "u",
        'һ' => "h",
        'і' => "i",
        'ў' => "o",
        'ҳ' => "h",
        'ҷ' => "j",
        'ӣ' => "i",
        'ӯ' => "u",
        _ => return None,
    };
    Some(s)
}

/// A key that sorts names in Russian/Kyrgyz alphabetical order (ё after е, ң after н,
/// ө after о, ү after у), ignoring case; Latin before Cyrillic, digits first.
pub fn collation_key(name: &str) -> Vec<u32> {
    const ALPHABET: &str = "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя";
    name.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .map(|c| match ALPHABET.chars().position(|a| a == c) {
            Some(i) => 0x1_0000 + i as u32,
            None if c.is_whitespace() => 0,
            None => c as u32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_letters_romanize_by_bgn_pcgn() {
        let table = [
            ("а", "a"),
            ("б", "b"),
            ("в", "v"),
            ("г", "g"),
            ("д", "d"),
            ("же", "zhe"),
            ("з", "z"),
            ("и", "i"),
            ("й", "y"),
            ("к", "k"),
            ("л", "l"),
            ("м", "m"),
            ("н", "n"),
            ("о", "o"),
            ("п", "p"),
            ("р", "r"),
            ("с", "s"),
            ("т", "t"),
            ("у", "u"),
            ("ф", "f"),
            ("х", "kh"),
            ("ц", "ts"),
            ("ч", "ch"),
            ("ш", "sh"),
            ("щ", "shch"),
            ("объект", "obyekt"),
            ("ы", "y"),
            ("мь", "m"),
            ("э", "e"),
            ("ю", "yu"),
            ("я", "ya"),
            ("ёж", "yezh"),
            ("мёд", "med"),
        ];
        for (cyr, lat) in table {
            assert_eq!(slugify(Lang::Ru, cyr), lat, "{cyr}");
        }
        assert_eq!(
            slugify(Lang::Ru, "Мониторинг юстиции"),
            "monitoring-yustitsii"
        );
        assert_eq!(slugify(Lang::Ru, "Европа"), "yevropa");
        assert_eq!(slugify(Lang::Ru, "Щит и жезл"), "shchit-i-zhezl");
    }

    #[test]
    fn what_shows_nothing_is_left_out() {
        // Pasted from Word or the web: a soft hyphen, zero-width characters, a stress mark.
        assert_eq!(
            slugify(Lang::Ru, "Кон\u{AD}ференция\u{200B} по\u{A0}правам"),
            "konferentsiya-po-pravam"
        );
        // The letter before counts through them: сн-ег is sneg, not snyeg.
        assert_eq!(
            slugify(Lang::Ru, "сн\u{AD}ег \u{FEFF}ёж\u{2060}"),
            "sneg-yezh"
        );
        assert_eq!(slugify(Lang::Ru, "зна\u{301}ем"), "znayem");
        assert_eq!(slugify(Lang::Ky, "Же\u{200D}ңиш\u{200C}"), "jengish");
    }

    #[test]
    fn kyrgyz_letters_romanize_by_bgn_pcgn() {
        let table = [
            ("ж", "j"),
            ("ң", "ng"),
            ("ө", "o"),
            ("ү", "u"),
            ("ё", "yo"),
            ("ъ", ""),
            ("ь", ""),
            ("ы", "y"),
        ];
        for (cyr, lat) in table {
            assert_eq!(slugify(Lang::Ky, cyr), lat, "{cyr}");
        }
        assert_eq!(
            slugify(Lang::Ky, "коомдук-кеңештерге-10-жыл"),
            "koomduk-kengeshterge-10-jyl"
        );
        assert_eq!(slugify(Lang::Ky, "Өзгөн, Түп!"), "ozgon-tup");
    }

    #[test]
    fn slugs_fold_punctuation_and_are_cut_at_a_word() {
        assert_eq!(slugify(Lang::Ru, "  «Привет», мир!  "), "privet-mir");
        assert_eq!(
            slugify(Lang::Ru, "ОФ \"Гражданская платформа\""),
            "of-grazhdanskaya-platforma"
        );
        assert_eq!(slugify(Lang::Ru, "Hello_World 2025"), "hello-world-2025");
        assert_eq!(slugify(Lang::Ru, "../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify(Lang::Ru, "!!!"), "");
        let long = "слово ".repeat(30);
        let s = slugify(Lang::Ru, &long);
        assert!(s.len() <= MAX_SLUG_LEN, "{s}");
        assert!(s.ends_with("slovo"), "{s}");
        assert_eq!(s.len(), 77);
        // Trailing numbers survive the cut, so long names that differ only there stay apart.
        let a = slugify(
            Lang::Ky,
            "батken шаарында мамлекеттик кызматтарды санариптештирүүнү талкуулашат 20170216 002559",
        );
        let b = slugify(
            Lang::Ky,
            "батken шаарында мамлекеттик кызматтарды санариптештирүүнү талкуулашат 20160321 008500",
        );
        assert!(a.len() <= MAX_SLUG_LEN, "{a}");
        assert!(a.ends_with("-20170216-002559"), "{a}");
        assert_ne!(a, b);
        assert!(a.starts_with("batken-shaarynda-mamlekettik-"), "{a}");
        assert_eq!(
            slugify(Lang::Ru, &format!("{}2025", "а".repeat(90))).len(),
            MAX_SLUG_LEN
        );
    }

    #[test]
    fn collation_puts_kyrgyz_letters_after_their_base() {
        let mut names = vec![
            "үй",
            "уюм",
            "өрүк",
            "пахта",
            "ордо",
            "ңа",
            "на",
            "ёж",
            "ель",
            "жол",
        ];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            [
                "ель",
                "ёж",
                "жол",
                "на",
                "ңа",
                "ордо",
                "өрүк",
                "пахта",
                "уюм",
                "үй"
            ]
        );
    }
}
