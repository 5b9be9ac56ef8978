//! Model, phones: a number as written -> E.164 for `tel:` links and the way it is shown, with
//! the `phonenumber` crate (libphonenumber's metadata). Numbers without a country code belong to
//! the site's region (`phone_region`, KG by default).

use phonenumber::country::Id;
use phonenumber::{Mode, PhoneNumber};
use rustc_hash::FxHashMap;
use std::sync::{LazyLock, Mutex};

/// A phone number read from what a writer typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// A possible number: how to show it and its `tel:` form.
    Valid { display: String, tel: String },
    /// Digits that no phone of that country can have (shown as written, linked as read).
    Impossible { tel: String },
    /// Not a phone number at all (letters, too few digits).
    NotANumber,
}

/// The region of a two-letter code (`KG`), if libphonenumber knows it.
pub fn region(code: &str) -> Option<Id> {
    code.trim().to_ascii_uppercase().parse().ok()
}

/// The main region of a calling code (`996` -> KG), for sites that give `phone_country_code`.
pub fn region_of_calling_code(code: &str) -> Option<Id> {
    let code: u16 = code.trim().trim_start_matches('+').parse().ok()?;
    let regions = phonenumber::metadata::DATABASE.by_code(&code)?;
    regions.first().and_then(|m| region(m.id()))
}

/// Starts loading libphonenumber's metadata on a thread of its own (about 80 ms of one core,
/// once per process, every pattern compiled to check it), so that the model, which reads
/// the contacts' phones, does not wait for it. Called when loading a site starts.
pub fn load_metadata_early() {
    std::thread::spawn(|| phonenumber::metadata::DATABASE.iter().next().is_some());
}

/// Numbers already read, with their region: the same press officer's phone is on release
/// after release, and every reading takes the metadata's one lock (its patterns are shared by
/// all threads), so a site's numbers are read once each.
type Readings = FxHashMap<(Id, String), Reading>;
static READINGS: LazyLock<Mutex<Readings>> = LazyLock::new(Mutex::default);
/// Readings kept at most (a reading is about 100 bytes). When full, the readings and the
/// metadata's compiled patterns are freed ([`forget_readings`]): each pattern's lazy DFA grows
/// its cache (up to 2 MiB per thread) with every new number it looks at, 7 MB over the 12 000
/// numbers of the 10 000-release benchmark. A site's own numbers (a few hundred press officers)
/// never fill it.
const READINGS_KEPT: usize = 4_096;

/// Frees what reading numbers built up once every release is read: the kept readings and
/// the metadata's compiled patterns (each grows a lazy DFA cache of up to 2 MiB per thread; 7 MB
/// at 10 000 releases, held through the model and render stages, where a build's memory
/// peaks). A later reading (`serve` checking a saved file) compiles the patterns it needs again.
pub fn forget_readings() {
    if let Ok(mut readings) = READINGS.lock() {
        *readings = Readings::default();
    }
    forget_patterns();
}

fn forget_patterns() {
    if let Ok(mut patterns) = phonenumber::metadata::DATABASE.cache().lock() {
        patterns.clear();
    }
}

/// Reads a number as written: `0555 123 456`, `+996 (312) 26-10-00`, `0 312 91 10 10`.
pub fn read(written: &str, region: Id) -> Reading {
    let key = (region, written.trim().to_string());
    if let Some(known) = READINGS.lock().ok().and_then(|r| r.get(&key).cloned()) {
        return known;
    }
    let reading = read_uncached(&key.1, region);
    if let Ok(mut readings) = READINGS.lock() {
        if readings.len() >= READINGS_KEPT {
            readings.clear();
            forget_patterns();
        }
        readings.insert(key, reading.clone());
    }
    reading
}

fn read_uncached(t: &str, region: Id) -> Reading {
    // `(вн. 12)` is an extension; another last group in brackets with a letter in it is a
    // note for the reader, shown after the number as written: `(WhatsApp)`, `(с 9 до 18)`.
    let (t, note) = match split_extension(t) {
        Some(_) => (t, None),
        None => split_note(t).map_or((t, None), |(number, note)| (number, Some(note))),
    };
    let (t, extension) = match split_extension(t) {
        Some((number, written, digits)) => (number, Some((written, digits))),
        None => (t, None),
    };
    // libphonenumber turns letters into keypad digits: "(WhatsApp)" would become digits.
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if digits < 5 || t.chars().any(char::is_alphabetic) {
        return Reading::NotANumber;
    }
    let Ok(number) = phonenumber::parse(Some(region), t) else {
        return Reading::NotANumber;
    };
    let mut tel = number.format().mode(Mode::E164).to_string();
    let mut shown = display(&number);
    if let Some((written, digits)) = extension {
        // RFC 3966: phones dial the extension after the call is answered.
        tel = format!("{tel};ext={digits}");
        shown = format!("{shown} {written}");
    }
    if let Some(note) = note {
        shown = format!("{shown} {note}");
    }
    if phonenumber::is_valid(&number) {
        Reading::Valid {
            display: shown,
            tel,
        }
    } else {
        Reading::Impossible { tel }
    }
}

/// The words offices put before an extension (lowercase, without a dot): Russian `доб.`,
/// `вн.`, Kyrgyz `ички`, English `ext.`, `x`, and `#`.
const EXTENSION_WORDS: [&str; 8] = ["доб", "добавочный", "вн", "внутр", "ички", "ext", "x", "#"];

/// `+996 312 91 10 10 доб. 123`, `0312 91-10-10 (вн. 12)` -> (the number, the extension as
/// written (`доб. 123`), its digits (`123`)); `None` when the text has no extension word
/// followed by one to six digits and nothing else.
fn split_extension(t: &str) -> Option<(&str, &str, &str)> {
    let at = t.find(|c: char| c.is_alphabetic() || c == '#')?;
    let (number, tail) = t.split_at(at);
    let word_len = tail
        .find(|c: char| !(c.is_alphabetic() || c == '#'))
        .unwrap_or(tail.len());
    let word = tail[..word_len].to_lowercase();
    let digits = tail[word_len..]
        .trim_start_matches(['.', ':', ' '])
        .trim_end_matches([')', ' ']);
    let is_digits = (1..=6).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    (EXTENSION_WORDS.contains(&word.as_str()) && is_digits).then(|| {
        let number = number.trim_end_matches([' ', ',', ';', '(']);
        (number, tail.trim_end_matches([')', ' ']), digits)
    })
}

/// `0555 12 34 56 (WhatsApp)` -> (`0555 12 34 56`, `(WhatsApp)`): the last group in brackets,
/// when it ends the text, holds a letter and follows something; `None` otherwise (`+996 (312)
/// 26-10-00` keeps its brackets).
fn split_note(t: &str) -> Option<(&str, &str)> {
    let t = t.trim_end();
    let open = t.strip_suffix(')')?.rfind('(')?;
    let (number, note) = t.split_at(open);
    let number = number.trim_end_matches([' ', ',', ';', '-', '–']);
    (!number.is_empty() && note.chars().any(char::is_alphabetic)).then_some((number, note))
}

/// `+996 312 91 10 10` (Bishkek), `+996 3222 5 55 55` (other areas), `+996 555 123 456`
/// (mobiles), as Kyrgyz numbers are written; other countries in the international format.
fn display(number: &PhoneNumber) -> String {
    let e164 = number.format().mode(Mode::E164).to_string();
    let Some(nsn) = e164.strip_prefix("+996").filter(|n| n.len() == 9) else {
        return number.format().mode(Mode::International).to_string();
    };
    let (a, rest) = nsn.split_at(if nsn.starts_with('3') && !nsn.starts_with("312") {
        4
    } else {
        3
    });
    if nsn.starts_with("312") {
        return format!("+996 {a} {} {} {}", &rest[..2], &rest[2..4], &rest[4..]);
    }
    if a.len() == 4 {
        return format!("+996 {a} {} {} {}", &rest[..1], &rest[1..3], &rest[3..]);
    }
    format!("+996 {a} {} {}", &rest[..3], &rest[3..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Held by the tests that empty the kept readings and patterns, which other such tests
    /// would see emptied under them.
    static EMPTYING: Mutex<()> = Mutex::new(());

    fn shown(written: &str) -> Reading {
        read(written, Id::KG)
    }

    fn valid(display: &str, tel: &str) -> Reading {
        Reading::Valid {
            display: display.into(),
            tel: tel.into(),
        }
    }

    /// Inputs the fuzzer reported as slow (`values`, over 10 s under ASAN on a loaded
    /// machine; 20 µs each in a release build after the first number): five digits no
    /// Kyrgyz phone can have, warned about and linked as read.
    #[test]
    fn fuzzer_inputs_five_digits() {
        for written in ["83838", "88833"] {
            let tel = format!("+996{written}");
            assert_eq!(shown(written), Reading::Impossible { tel }, "{written}");
        }
    }

    /// A number read before is given back as first read, and only for the same region: the
    /// same digits are another number elsewhere.
    #[test]
    fn readings_kept_by_number_and_region() {
        let kg = read(" 0555 123 456 ", Id::KG);
        assert_eq!(kg, valid("+996 555 123 456", "+996555123456"));
        assert_eq!(read("0555 123 456", Id::KG), kg);
        let kz = read("0555 123 456", Id::KZ);
        assert_ne!(kz, kg);
        assert_eq!(kz, read_uncached("0555 123 456", Id::KZ));
        assert_eq!(read("0555 123 456", Id::KG), kg);
    }

    /// Once the kept readings and compiled patterns are freed, numbers read as before (the
    /// patterns they need are compiled again).
    #[test]
    fn readings_after_forgetting_are_the_same() {
        let _alone = EMPTYING.lock();
        let before = [
            read("0555 123 456", Id::KG),
            read("+7 727 250 00 00", Id::KG),
        ];
        assert!(matches!(before[1], Reading::Valid { .. }), "{before:?}");
        forget_readings();
        let after = [
            read("0555 123 456", Id::KG),
            read("+7 727 250 00 00", Id::KG),
        ];
        assert_eq!(after, before);
        assert!(
            phonenumber::metadata::DATABASE
                .cache()
                .lock()
                .is_ok_and(|c| !c.is_empty())
        );
    }

    /// Reading more numbers than are kept frees the compiled patterns with the readings, so
    /// that their caches do not grow with every new number of a large site.
    #[test]
    fn patterns_freed_when_the_readings_are_full() {
        let _alone = EMPTYING.lock();
        let patterns = || {
            phonenumber::metadata::DATABASE
                .cache()
                .lock()
                .map_or(0, |c| c.len())
        };
        let kept = || READINGS.lock().map_or(0, |r| r.len());
        let mut most = 0;
        for n in 0..=READINGS_KEPT {
            let before = (kept(), patterns());
            read(&format!("0555 {:06}", n + 100_000), Id::KG);
            if kept() < before.0 {
                most = before.1;
                break;
            }
        }
        assert!(most > 0, "the readings were never full");
        assert!(patterns() < most, "{} patterns kept of {most}", patterns());
    }

    #[test]
    fn numbers_as_writers_type_them() {
        assert_eq!(
            shown("+996555123456"),
            valid("+996 555 123 456", "+996555123456")
        );
        assert_eq!(
            shown("0555 123 456"),
            valid("+996 555 123 456", "+996555123456")
        );
        assert_eq!(
            shown("0555123456"),
            valid("+996 555 123 456", "+996555123456")
        );
        assert_eq!(
            shown("0 312 91 10 10"),
            valid("+996 312 91 10 10", "+996312911010")
        );
        assert_eq!(
            shown("(0312) 91-10-10"),
            valid("+996 312 91 10 10", "+996312911010")
        );
        assert_eq!(
            shown("+996 (312) 26-10-00"),
            valid("+996 312 26 10 00", "+996312261000")
        );
        assert_eq!(
            shown("0 3222 5 55 55"),
            valid("+996 3222 5 55 55", "+996322255555")
        );
        assert_eq!(
            shown("00996 771 28 66 05"),
            valid("+996 771 286 605", "+996771286605")
        );
        assert_eq!(
            shown("8 312 91 10 10"),
            Reading::Impossible {
                tel: "+9968312911010".into()
            }
        );
        // Extensions, as offices write them: dialled after the answer (RFC 3966).
        for (written, ext) in [
            ("0312 91-10-10 доб. 123", "доб. 123"),
            ("+996 312 91 10 10 (вн. 12)", "вн. 12"),
            ("0312 911010, ички 5", "ички 5"),
            ("0312 911010 ext. 4412", "ext. 4412"),
            ("0312 911010 #7", "#7"),
        ] {
            let digits = ext.rsplit([' ', '#']).next().unwrap();
            assert_eq!(
                shown(written),
                valid(
                    &format!("+996 312 91 10 10 {ext}"),
                    &format!("+996312911010;ext={digits}")
                ),
                "{written}"
            );
        }
        assert_eq!(shown("0312 911010 доб. 12 34 56 78"), Reading::NotANumber);
        assert_eq!(shown("0312 911010 доб."), Reading::NotANumber);
        assert_eq!(shown("звоните"), Reading::NotANumber);
        // A note in brackets after the number is shown as written, not dialled (libphonenumber
        // would turn its letters into keypad digits).
        for (written, note) in [
            ("0555-12-34-56 (WhatsApp)", "(WhatsApp)"),
            ("0555 12 34 56, (только Telegram)", "(только Telegram)"),
            ("0555 123 456 (с 9 до 18)", "(с 9 до 18)"),
        ] {
            assert_eq!(
                shown(written),
                valid(&format!("+996 555 123 456 {note}"), "+996555123456"),
                "{written}"
            );
        }
        assert_eq!(
            shown("0312 91-10-10 доб. 123 (приёмная)"),
            valid(
                "+996 312 91 10 10 доб. 123 (приёмная)",
                "+996312911010;ext=123"
            )
        );
        assert_eq!(shown("(WhatsApp)"), Reading::NotANumber);
        assert_eq!(shown("0555-12-34-56 WhatsApp"), Reading::NotANumber);
        assert_eq!(
            shown("0555-12-34-56 (WhatsApp) звоните"),
            Reading::NotANumber
        );
        assert_eq!(shown("12"), Reading::NotANumber);
    }

    #[test]
    fn regions_by_code_and_by_calling_code() {
        assert_eq!(region("kg"), Some(Id::KG));
        assert_eq!(region("XX"), None);
        assert_eq!(region_of_calling_code("996"), Some(Id::KG));
        assert_eq!(region_of_calling_code("+7"), Some(Id::RU));
    }
}
