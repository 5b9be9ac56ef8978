//! Load stage, fields: YAML values (of front matter or a registry) -> raw types, every problem
//! recorded with its line from the document's [`Locator`].

use super::span::Locator;
use super::yaml::{Yaml, closest};
use super::{
    CONTACT_PARTS, FIELD_ALIASES, FIELDS, LOCATION_PARTS, RawContact, RawLocation, Spanned,
};
use crate::error::Diagnostic;
use crate::i18n::Message;
use crate::msg;
use std::collections::BTreeMap;
use std::path::Path;

/// Reads YAML fields (of front matter, or of a registry file) into their raw types, recording
/// every problem with its line.
pub struct FieldReader<'a> {
    /// The file, for messages.
    pub path: &'a Path,
    /// Where each key and item of the YAML text stands.
    pub loc: &'a Locator,
    /// Where problems go.
    pub errors: &'a mut Vec<Diagnostic>,
}

impl FieldReader<'_> {
    /// A scalar's text; numbers and booleans as written in the file at `path`.
    fn as_written(&self, path: &str, value: &Yaml) -> Option<String> {
        match value {
            Yaml::Number(_) | Yaml::Bool(_) => self
                .loc
                .written(path)
                .map(str::to_string)
                .or_else(|| value.as_text()),
            other => other.as_text(),
        }
    }

    /// Records a problem with a field.
    pub fn fail(&mut self, field: &str, line: usize, message: Message, hint: Message) {
        self.errors.push(
            Diagnostic::error(self.path, message)
                .at_line(line)
                .in_field(field)
                .with_hint(hint),
        );
    }

    /// A scalar at path `field` as text. A number or `true`/`false` is taken as written, so
    /// `phone: +996555123456` keeps its `+` and `slug: 007` its zeros.
    pub fn string(&mut self, field: &str, value: Yaml, line: usize) -> Option<Spanned<String>> {
        match self.as_written(field, &value) {
            Some(s) => Some(Spanned { value: s, line }),
            None if value == Yaml::Null => None,
            None => {
                self.fail(
                    field,
                    line,
                    msg!("field-one-line", found = value.describe()),
                    msg!("field-one-line-hint"),
                );
                None
            }
        }
    }

    pub fn boolean(&mut self, field: &str, value: Yaml, line: usize) -> Option<Spanned<bool>> {
        match value {
            Yaml::Bool(b) => Some(Spanned { value: b, line }),
            Yaml::Null => None,
            other => {
                self.fail(
                    field,
                    line,
                    msg!("field-bool", found = other.describe()),
                    msg!("field-bool-hint"),
                );
                None
            }
        }
    }

    /// One name, or a list of names.
    /// `at` is the field's path in the document (for the lines of its items).
    pub fn names(&mut self, field: &str, at: &str, value: Yaml) -> Option<Spanned<Vec<String>>> {
        let line = self.loc.line(at);
        let items = match value {
            Yaml::Null => Vec::new(),
            Yaml::List(items) => items,
            other if other.as_text().is_some() => vec![other],
            other => {
                self.fail(
                    field,
                    line,
                    msg!("field-names", found = other.describe()),
                    msg!("field-names-hint"),
                );
                return None;
            }
        };
        let mut names = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item.as_text() {
                Some(s) => names.push(s),
                // `- #тег`: the cut's error says it (and the field is not read).
                None if self.loc.commented(&format!("{at}.{i}")) => return None,
                None => {
                    self.fail(
                        field,
                        self.loc.under(at, &i.to_string()),
                        msg!("field-names-item", found = item.describe()),
                        msg!("field-names-hint"),
                    );
                    return None;
                }
            }
        }
        Some(Spanned { value: names, line })
    }

    /// A list of contacts (or one).
    pub fn contacts(&mut self, at: &str, value: Yaml) -> Option<Spanned<Vec<RawContact>>> {
        let line = self.loc.line(at);
        let hint = || msg!("contacts-hint");
        let items = match value {
            Yaml::Null => Vec::new(),
            Yaml::List(items) => items,
            m @ Yaml::Map(_) => vec![m],
            other => {
                self.fail(
                    "contacts",
                    line,
                    msg!("contacts-list", found = other.describe()),
                    hint(),
                );
                return None;
            }
        };
        let mut contacts = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let item_at = [at, ".", &i.to_string()].concat();
            let item_line = self.loc.line(&item_at);
            let Yaml::Map(mut map) = item else {
                self.fail(
                    "contacts",
                    item_line,
                    msg!("contacts-item", found = item.describe()),
                    hint(),
                );
                continue;
            };
            let role_by_lang = self.roles_by_language(&mut map, &item_at);
            let reported = self.errors.len();
            let mut parts = self.parts("contacts", map, &CONTACT_PARTS, &item_at, hint);
            let reported = self.errors.len() > reported;
            let mut part_lines = CONTACT_PARTS.map(|p| parts.get(p).map_or(0, |(_, l)| *l));
            if let Some(role) = CONTACT_PARTS.iter().position(|p| *p == "role")
                && !role_by_lang.is_empty()
            {
                part_lines[role] = self.loc.under(&item_at, "role");
            }
            let mut take = |k: &str| parts.remove(k).map(|(v, _)| v);
            contacts.push(RawContact {
                name: take("name"),
                role: take("role"),
                role_by_lang,
                email: take("email"),
                phone: take("phone"),
                url: take("url"),
                line: item_line,
                part_lines,
                reported,
            });
        }
        Some(Spanned {
            value: contacts,
            line,
        })
    }

    /// `role: {ru: ..., ky: ...}`: taken out of a contact's parts, each text by its language
    /// code (the model checks the codes). A role of one line stays among the parts.
    fn roles_by_language(
        &mut self,
        map: &mut Vec<(String, Yaml)>,
        item_at: &str,
    ) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let Some(i) = map
            .iter()
            .position(|(k, v)| k == "role" && matches!(v, Yaml::Map(_)))
        else {
            return out;
        };
        let (_, Yaml::Map(langs)) = map.remove(i) else {
            return out;
        };
        let at = [item_at, ".role"].concat();
        for (code, v) in langs {
            let line = self.loc.under(&at, &code);
            if let Some(s) = self.string("contacts", v, line) {
                out.insert(code, s.value);
            }
        }
        out
    }

    /// A place: one string or named parts.
    pub fn location(&mut self, at: &str, value: Yaml) -> Option<Spanned<RawLocation>> {
        let line = self.loc.line(at);
        let hint = || msg!("location-hint");
        let location = match value {
            Yaml::Null => return None,
            Yaml::Map(map) => {
                let mut parts = self.parts("location", map, &LOCATION_PARTS, at, hint);
                let mut take = |k: &str| parts.remove(k).map(|(v, _)| v);
                RawLocation {
                    name: take("name"),
                    address: take("address"),
                    city: take("city"),
                }
            }
            other => match other.as_text() {
                Some(s) => RawLocation {
                    name: Some(s),
                    ..RawLocation::default()
                },
                None => {
                    self.fail(
                        "location",
                        line,
                        msg!("location-shape", found = other.describe()),
                        hint(),
                    );
                    return None;
                }
            },
        };
        Some(Spanned {
            value: location,
            line,
        })
    }

    /// The `known` text parts of the mapping at path `at` (a contact, a location), each with
    /// its line; unknown parts and parts that are not text are reported.
    pub fn parts(
        &mut self,
        field: &str,
        map: Vec<(String, Yaml)>,
        known: &[&str],
        at: &str,
        hint: impl Fn() -> Message,
    ) -> BTreeMap<String, (String, usize)> {
        let mut out = BTreeMap::new();
        for (k, v) in map {
            let key = k;
            let line = self.loc.under(at, &key);
            if !known.contains(&key.as_str()) {
                let list = known.join(", ");
                let meant = super::alias_of(&key, &super::PART_ALIASES, known);
                let hint = match meant.or_else(|| closest(&key, known)) {
                    Some(k) => msg!("part-unknown-suggest", suggestion = k, list = list),
                    None => msg!("part-unknown-hint", list = list),
                };
                self.fail(field, line, msg!("part-unknown", part = &key), hint);
                continue;
            }
            match self.as_written(&[at, ".", &key].concat(), &v) {
                Some(s) => {
                    out.insert(key, (s, line));
                }
                None if v == Yaml::Null => {}
                None => self.fail(
                    field,
                    line,
                    msg!("part-one-line", part = &key, found = v.describe()),
                    hint(),
                ),
            }
        }
        out
    }

    /// Reports an unknown field; returns the field it was probably meant to be.
    pub(super) fn unknown(&mut self, name: &str, line: usize) -> Option<&'static str> {
        let known = &FIELDS;
        let suggestion =
            super::alias_of(name, &FIELD_ALIASES, known).or_else(|| closest(name, known));
        let list = known.join(", ");
        let hint = if name == "time" {
            msg!("field-time-hint")
        } else {
            match suggestion {
                Some(s) => msg!("field-unknown-suggest", suggestion = s, list = list),
                None => msg!("field-unknown-hint", list = list),
            }
        };
        self.errors.push(
            Diagnostic::error(self.path, msg!("field-unknown", name = name))
                .at_line(line)
                .in_field(name)
                .with_hint(hint),
        );
        suggestion
    }
}
