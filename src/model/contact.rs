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
    // `mailto:` copied with the address from a web page is the link's, not the address's.
    let email = clean(&c.email).map(|e| match e.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("mailto:") => e[7..].trim_start().to_string(),
        _ => e,
    });
    let phone = clean(&c.phone);
    let url = clean(&c.url);
    let mut ok = true;
    if name.is_none() {
        diags.push(bad(
            "name",
            msg!("contact-no-name"),
            msg!("contact-no-name-hint"),
        ));
        ok = false;
    }
    if email.is_none() && phone.is_none() && url.is_none() {
        diags.push(bad(
            "name",
            match &name {
                Some(n) => msg!("contact-unreachable", name = n),
                None => msg!("contact-unreachable-unnamed"),
            },
            msg!("contact-unreachable-hint"),
        ));
        ok = false;
    }
    if let Some(e) = &email
        && !looks_like_email(e)
    {
        diags.push(bad(
            "email",
            msg!("email-invalid", found = e),
            msg!("email-invalid-hint"),
        ));
        ok = false;
    }
    let phone = match phone.map(|p| (super::phone::read(&p, config.phone_region), p)) {
        None => None,
        Some((Reading::Valid { display, tel }, _)) => Some(Phone { display, tel }),
        Some((Reading::Impossible { tel }, p)) => {
            diags.push(
                Diagnostic::warning(path, msg!("phone-impossible", found = &p))
                    .at_line(c.line_of("phone"))
                    .in_field("contacts")
                    .with_hint(msg!("phone-impossible-hint")),
            );
            Some(Phone { display: p, tel })
        }
        Some((Reading::NotANumber, p)) => {
            diags.push(bad(
                "phone",
                msg!("phone-invalid", found = &p),
                msg!("phone-invalid-hint"),
            ));
            ok = false;
            None
        }
    };
    if let Some(u) = &url
        && (!(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace))
    {
        diags.push(bad(
            "url",
            msg!("url-invalid", found = u),
            msg!("url-invalid-hint"),
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
        email,
        phone,
        url,
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
