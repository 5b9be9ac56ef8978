//! Model, contacts: a release's or registry entry's `contacts`, checked and cleaned (a name, and
//! an email, phone or web page that can be used as written).

use super::phone::Reading;
use super::{Contact, Phone};
use crate::config::Config;
use crate::content::{RawContact, fold_spaces};
use crate::error::Diagnostic;
use crate::i18n::{Lang, Message};
use crate::msg;
use std::collections::BTreeMap;
use std::path::Path;

/// A contact (of a release or a registry entry), checked; `None` when it has an error.
pub fn check_contact(
    config: &Config,
    c: &RawContact,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Contact> {
    let clean = |s: &Option<String>| s.as_deref().map(fold_spaces).filter(|s| !s.is_empty());
    let bad = |part: &str, message: Message, hint: Message| {
        Diagnostic::error(path, message)
            .at_line(c.line_of(part))
            .in_field("contacts")
            .with_hint(hint)
    };
    let name = clean(&c.name);
    let email = clean(&c.email);
    let phone = clean(&c.phone);
    let url = clean(&c.url);
    let mut ok = true;
    // A part that was unknown (`телефон:`) is reported already: not again as missing.
    if name.is_none() {
        if !c.reported {
            diags.push(bad(
                "name",
                msg!("contact-no-name"),
                msg!("contact-no-name-hint"),
            ));
        }
        ok = false;
    }
    if email.is_none() && phone.is_none() && url.is_none() {
        if !c.reported {
            diags.push(bad(
                "name",
                match &name {
                    Some(n) => msg!("contact-unreachable", name = n),
                    None => msg!("contact-unreachable-unnamed"),
                },
                msg!("contact-unreachable-hint"),
            ));
        }
        ok = false;
    }
    let emails = check_emails(email.as_deref(), |m, h| bad("email", m, h), diags);
    let phones = check_phones(config, phone.as_deref(), path, c.line_of("phone"), diags);
    ok &= emails.is_some() && phones.is_some();
    if let Some(u) = &url
        && (!(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace))
    {
        diags.push(bad(
            "url",
            msg!("url-invalid", found = u),
            msg!(
                "url-invalid-hint",
                fixed = crate::urls::suggested_address(u)
            ),
        ));
        ok = false;
    }
    let mut roles = BTreeMap::new();
    for (code, text) in &c.role_by_lang {
        match Lang::from_code(code) {
            Some(lang) => {
                roles.insert(lang, fold_spaces(text));
            }
            None => {
                diags.push(bad(
                    "role",
                    msg!("lang-unknown", found = code),
                    msg!("lang-unknown-hint"),
                ));
                ok = false;
            }
        }
    }
    ok.then(|| Contact {
        name: name.unwrap_or_default(),
        role: clean(&c.role),
        roles,
        emails: emails.unwrap_or_default(),
        phones: phones.unwrap_or_default(),
        url,
    })
}

/// The addresses of an `email` value (several parted by commas or semicolons); `None` after
/// reporting one that is not an address.
fn check_emails(
    written: Option<&str>,
    bad: impl Fn(Message, Message) -> Diagnostic,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let is_email = |e: &str| looks_like_email(without_mailto(e));
    let mut emails = Vec::new();
    let mut ok = true;
    for e in written.map_or(Vec::new(), |e| parts(e, is_email)) {
        if is_email(e) {
            emails.push(without_mailto(e).to_string());
        } else {
            diags.push(bad(
                msg!("email-invalid", found = e),
                match suggested_email(e) {
                    Some(fixed) => msg!("email-fix-hint", fixed = fixed),
                    None => msg!("email-invalid-hint"),
                },
            ));
            ok = false;
        }
    }
    ok.then_some(emails)
}

/// The numbers of a `phone` value (several parted by commas or semicolons), read with
/// libphonenumber: an impossible one is a warning and kept as written; `None` after reporting
/// one that is not a number.
fn check_phones(
    config: &Config,
    written: Option<&str>,
    path: &Path,
    line: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Phone>> {
    let region = config.phone_region;
    let is_number = |p: &str| !matches!(super::phone::read(p, region), Reading::NotANumber);
    let at = |d: Diagnostic| d.at_line(line).in_field("contacts");
    let mut phones = Vec::new();
    let mut ok = true;
    for p in written.map_or(Vec::new(), |p| parts(p, is_number)) {
        match super::phone::read(p, region) {
            Reading::Valid { display, tel } => phones.push(Phone { display, tel }),
            Reading::Impossible { tel } => {
                diags.push(
                    at(Diagnostic::warning(
                        path,
                        msg!("phone-impossible", found = p),
                    ))
                    .with_hint(msg!("phone-impossible-hint")),
                );
                phones.push(Phone {
                    display: p.to_string(),
                    tel,
                });
            }
            Reading::NotANumber => {
                let hint = match number_after_words(p, region) {
                    Some(fixed) => msg!("phone-words-hint", fixed = fixed),
                    None => msg!("phone-invalid-hint"),
                };
                diags.push(
                    at(Diagnostic::error(path, msg!("phone-invalid", found = p))).with_hint(hint),
                );
                ok = false;
            }
        }
    }
    ok.then_some(phones)
}

/// The numbers or addresses in a `phone` or `email` value: several when commas or semicolons
/// part it into values that are each one (`0555 12 34 56, 0312 91 10 10`), else the whole value
/// (`0312 91 10 10, доб. 5` is one number and its extension).
fn parts(written: &str, is_one: impl Fn(&str) -> bool) -> Vec<&str> {
    let parts: Vec<&str> = written.split([',', ';']).map(str::trim).collect();
    if parts.len() > 1 && parts.iter().all(|p| is_one(p)) {
        parts
    } else {
        vec![written]
    }
}

/// `mailto:` copied with the address from a web page is the link's, not the address's.
fn without_mailto(e: &str) -> &str {
    match e.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("mailto:") => e[7..].trim_start(),
        _ => e,
    }
}

/// The address meant by a mistyped one, when the mistake is a usual slip: spaces
/// (`press@ example.kg`), a comma for a dot after the `@` (`press@example,kg`).
fn suggested_email(e: &str) -> Option<String> {
    let joined: String = without_mailto(e).split_whitespace().collect();
    let (user, domain) = joined.split_once('@')?;
    let fixed = format!("{user}@{}", domain.replace(',', "."));
    (fixed != e && looks_like_email(&fixed)).then_some(fixed)
}

/// `WhatsApp +996 555 123 456`, `тел.: 0312 91 10 10`: words before a number that reads
/// alone, as the number with the words in brackets after it (a note shown beside it).
fn number_after_words(p: &str, region: phonenumber::country::Id) -> Option<String> {
    let start = p.find(|c: char| c.is_ascii_digit() || c == '+')?;
    let (words, number) = (
        p[..start].trim_end_matches([' ', ':', '-', '–', '.']),
        &p[start..],
    );
    let words = words.trim();
    let reads = matches!(super::phone::read(number, region), Reading::Valid { .. });
    // `тел.:` only says it is a phone, which the page says already.
    const LABELS: [&str; 8] = [
        "тел",
        "телефон",
        "tel",
        "phone",
        "моб",
        "сот",
        "т",
        "байланыш",
    ];
    let label =
        (words.to_lowercase().split([' ', '.', ':'])).all(|w| w.is_empty() || LABELS.contains(&w));
    (!words.is_empty() && reads).then(|| match label {
        true => number.trim().to_string(),
        false => format!("{} ({words})", number.trim()),
    })
}

fn looks_like_email(e: &str) -> bool {
    let Some((user, domain)) = e.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !e.contains(char::is_whitespace)
        && !e.contains(['<', '>', '"', ',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use phonenumber::country::Id;

    #[test]
    fn commas_part_values_only_when_every_part_is_one() {
        let number = |p: &str| !matches!(super::super::phone::read(p, Id::KG), Reading::NotANumber);
        assert_eq!(
            parts("0555 12 34 56, 0312 911010", number),
            ["0555 12 34 56", "0312 911010"]
        );
        assert_eq!(parts("0555 123456;+7 495 123-45-67", number).len(), 2);
        // An extension after a comma, or words, keep the value whole (then read as one).
        assert_eq!(
            parts("0312 911010, ички 5", number),
            ["0312 911010, ички 5"]
        );
        assert_eq!(
            parts("0312 911010, звоните", number),
            ["0312 911010, звоните"]
        );
        assert_eq!(parts("0312 911010", number), ["0312 911010"]);
        let email = |e: &str| looks_like_email(without_mailto(e));
        assert_eq!(
            parts("a@x.kg; mailto:b@x.kg", email),
            ["a@x.kg", "mailto:b@x.kg"]
        );
        assert_eq!(parts("a@x.kg, b", email), ["a@x.kg, b"]);
        assert_eq!(without_mailto("MailTo: b@x.kg"), "b@x.kg");
        assert_eq!(without_mailto("b@x.kg"), "b@x.kg");
    }

    #[test]
    fn usual_slips_in_emails_and_phones_get_the_value_meant_as_the_fix() {
        let email = |e: &str| suggested_email(e);
        assert_eq!(
            email("press@example,kg").as_deref(),
            Some("press@example.kg")
        );
        assert_eq!(
            email("press@ example.kg").as_deref(),
            Some("press@example.kg")
        );
        assert_eq!(
            email("press @example . kg").as_deref(),
            Some("press@example.kg")
        );
        assert_eq!(email("press.example.kg"), None);
        assert_eq!(email("press@example"), None);
        let phone = |p: &str| number_after_words(p, Id::KG);
        assert_eq!(
            phone("WhatsApp +996 555 123 456").as_deref(),
            Some("+996 555 123 456 (WhatsApp)")
        );
        assert_eq!(
            phone("тел.: 0312 91 10 10").as_deref(),
            Some("0312 91 10 10")
        );
        assert_eq!(phone("звоните после обеда"), None);
        assert_eq!(phone("WhatsApp 12"), None);
        // The fix reads as a number with its note.
        let fixed = phone("WhatsApp +996 555 123 456").unwrap();
        assert!(matches!(
            super::super::phone::read(&fixed, Id::KG),
            Reading::Valid { .. }
        ));
    }
}
