//! Model, edits in place (`serve`):
//! - a release file saved with new text only (title, summary, body, place, contacts, ...)
//!   changes that release alone. No other release, no list, no page's address and no warning
//!   depends on those fields, so its new check is put in the model in place ([`put_text`]);
//! - a save that changed its topics or organizers too changes the lists of those terms, the
//!   names of their pages and the related releases around it, but no release's place, address,
//!   translations or links: the terms are gathered again and the releases around it related
//!   again, in the model as it is ([`put_terms`]), instead of putting the whole model together
//!   again from every release.

use super::relate::{self, Terms};
use super::{Checked, LangIndex, Release, Site, TermRef, index};
use crate::error::Diagnostic;
use crate::registry::Registries;
use rustc_hash::FxHashMap;
use std::ffi::OsStr;

/// Whether `new` differs from `old` (the same file checked before and after a save) only in
/// fields that nothing but the release's own outputs show. Everything else (language, slug,
/// dates, topics, organizers, translation key, links' and pictures' addresses, picture, bundle,
/// draft) is compared, so a field added to [`Release`] counts as more than text until it is
/// named here.
pub fn text_only(old: &Checked, new: &Checked) -> bool {
    same_but(old, new, false)
}

/// Whether `new` differs from `old` only in texts ([`text_only`]) and in its topics and
/// organizers.
pub fn terms_and_text(old: &Checked, new: &Checked) -> bool {
    same_but(old, new, true)
}

/// Whether `new` is `old` but for its texts, and its terms too when `terms`.
fn same_but(old: &Checked, new: &Checked, terms: bool) -> bool {
    let (Some((a, key_a)), Some((b, key_b))) = (&old.release, &new.release) else {
        return false;
    };
    if old.diags != new.diags || (&key_a.key, key_a.explicit) != (&key_b.key, key_b.explicit) {
        return false;
    }
    let addresses = |r: &Release| -> Vec<(String, bool)> {
        r.links.iter().map(|l| (l.dest.clone(), l.image)).collect()
    };
    if addresses(a) != addresses(b) {
        return false;
    }
    let mut masked = b.clone();
    masked.title.clone_from(&a.title);
    masked.summary.clone_from(&a.summary);
    masked.contacts.clone_from(&a.contacts);
    masked.location.clone_from(&a.location);
    masked.image_alt.clone_from(&a.image_alt);
    masked.image_line = a.image_line;
    masked.published = a.published;
    masked.slug_line = a.slug_line;
    masked.body.clone_from(&a.body);
    masked.body_line = a.body_line;
    masked.links.clone_from(&a.links);
    if terms {
        masked.topics.clone_from(&a.topics);
        masked.organizers.clone_from(&a.organizers);
    }
    masked == *a
}

/// Puts the checked release `new` in place of `release` (the model's release of the same
/// file), keeping what the model derived from the fields that [`text_only`] holds equal
/// (resolved topics and organizers, translations, related releases, links to releases).
pub fn put_text(release: &mut Release, new: &Checked) {
    let Some((fresh, _)) = &new.release else {
        return;
    };
    let mut fresh = fresh.clone();
    fresh.topics = std::mem::take(&mut release.topics);
    fresh.organizers = std::mem::take(&mut release.organizers);
    put_release(release, fresh);
}

/// Puts `fresh` (a release as checked) in place of `release`, keeping what the model derived
/// from fields that did not change: translations, related releases, links to releases.
fn put_release(release: &mut Release, mut fresh: Release) {
    fresh.translations = std::mem::take(&mut release.translations);
    fresh.related = std::mem::take(&mut release.related);
    fresh.release_links = std::mem::take(&mut release.release_links);
    *release = fresh;
}

/// What [`put_terms`] changed in the model.
#[derive(Debug)]
pub struct Patched {
    /// Each language's lists before the edit.
    pub old_languages: Vec<LangIndex>,
    /// The releases the edit changed (index in [`Site::releases`]), each with its topics and
    /// organizers before it: the edited ones, those whose related releases changed, and those
    /// naming a term whose name changed (an unregistered term is named by its most used
    /// spelling).
    pub changed: Vec<(usize, [Vec<TermRef>; 2])>,
    /// The warnings about names that match no registry entry, as [`super::assemble`] gives
    /// them (its last warnings).
    pub unmatched: Vec<Diagnostic>,
}

/// Puts the releases `edits` (their index in [`Site::releases`] and in `checked`), saved with
/// changes to texts, topics and organizers only ([`terms_and_text`]), in `site`: the model
/// that [`super::assemble`] would make from `checked` (every release file's check, as it
/// took them), without sorting, pairing and linking every release again. The terms of every
/// release are gathered again from the names as written in `checked` (the model's are the
/// names of their pages), and only the releases around the edited ones are related again.
/// `None`, with `site` unchanged, when an edited release has a name that the model refuses
/// (a list written as one name with commas) or a release is not in `checked`.
pub fn put_terms(
    site: &mut Site,
    checked: &[Checked],
    registries: &Registries,
    edits: &[(usize, usize)],
) -> Option<Patched> {
    use rayon::prelude::*;
    let mut fresh: Vec<Release> = edits
        .iter()
        .map(|&(_, k)| Some(checked.get(k)?.release.as_ref()?.0.clone()))
        .collect::<Option<_>>()?;
    let mut diags = Vec::new();
    index::split_comma_names(&mut fresh, registries, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return None;
    }
    // By the path's bytes: hashing a `Path` walks its components.
    let by_source: FxHashMap<&OsStr, &Release> = checked
        .iter()
        .filter_map(|c| c.release.as_ref().map(|(r, _)| (r.source.as_os_str(), r)))
        .collect();
    let written: Vec<&Release> = (site.releases.par_iter())
        .map(|r| by_source.get(r.source.as_os_str()).copied())
        .collect::<Option<_>>()?;
    if edits.iter().any(|&(i, _)| i >= site.releases.len()) {
        return None;
    }
    // Every release's names as written; the edited releases as saved, with what the model
    // derived from the fields that did not change.
    let mut before: Vec<[Vec<TermRef>; 2]> = (site.releases.par_iter_mut().zip(written))
        .map(|(r, w)| {
            [
                std::mem::replace(&mut r.topics, w.topics.clone()),
                std::mem::replace(&mut r.organizers, w.organizers.clone()),
            ]
        })
        .collect();
    // Marked: the edited releases, then those whose related releases changed.
    let mut marked = vec![false; site.releases.len()];
    for (&(i, _), new) in edits.iter().zip(fresh) {
        marked[i] = true;
        put_release(&mut site.releases[i], new);
    }
    // Split as the last model did (the others' names were accepted then; splitting the
    // edited ones again changes nothing).
    index::split_comma_names(&mut site.releases, registries, &mut diags);
    let langs: Vec<_> = site.config.languages.iter().map(|l| l.lang).collect();
    let (languages, unmatched) = index::index_languages(&langs, &mut site.releases, registries);
    let old_languages = std::mem::replace(&mut site.languages, languages);
    let unmatched = index::unmatched_warnings(&site.releases, registries, unmatched);
    let moved: Vec<(usize, Terms)> = (edits.iter())
        .map(|&(i, _)| {
            let [topics, organizers] = &before[i];
            (i, Terms { topics, organizers })
        })
        .collect();
    for i in relate::relate_around(&mut site.releases, &moved) {
        marked[i] = true;
    }
    let changed: Vec<usize> = (0..site.releases.len())
        .into_par_iter()
        .filter(|&i| {
            let r = &site.releases[i];
            marked[i] || before[i] != [&r.topics[..], &r.organizers[..]]
        })
        .collect();
    let changed: Vec<(usize, [Vec<TermRef>; 2])> = changed
        .into_iter()
        .map(|i| (i, std::mem::take(&mut before[i])))
        .collect();
    Some(Patched {
        old_languages,
        changed,
        unmatched,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{RawRelease, Spanned};
    use crate::model::testing::{config, raw};

    fn checked(raw: RawRelease) -> Checked {
        let today = jiff::civil::date(2025, 6, 1);
        super::super::check(&config(), vec![raw], today)
            .pop()
            .unwrap()
    }

    fn base() -> RawRelease {
        raw("ru", "a", "2025-05-01", "Текст [ссылка](https://x.kg/).")
    }

    /// Whether `base` saved with the change `edit` changed only texts.
    fn text_only_after(edit: impl FnOnce(&mut RawRelease)) -> bool {
        let mut changed = base();
        edit(&mut changed);
        text_only(&checked(base()), &checked(changed))
    }

    #[test]
    fn texts_are_title_summary_and_body() {
        let sp = |value: &str| {
            Some(Spanned {
                value: value.to_string(),
                line: 3,
            })
        };
        assert!(text_only_after(|_| {}));
        assert!(text_only_after(|r| r.title = sp("Другой заголовок")));
        assert!(text_only_after(|r| r.summary = sp("Кратко.")));
        assert!(text_only_after(|r| {
            r.body = crate::content::Body::Text("Другой [текст](https://x.kg/).".into());
            r.body_line = 9;
        }));
    }

    #[test]
    fn anything_a_list_or_another_release_uses_is_more_than_text() {
        let sp = |value: &str| {
            Some(Spanned {
                value: value.to_string(),
                line: 2,
            })
        };
        assert!(!text_only_after(|r| r.date = sp("2025-05-02")));
        assert!(!text_only_after(|r| r.slug = sp("b")));
        assert!(!text_only_after(|r| r.translation_key = sp("k")));
        assert!(!text_only_after(|r| r.topics = Some(Spanned {
            value: vec!["Экология".to_string()],
            line: 4,
        })));
        assert!(!text_only_after(|r| {
            r.links = crate::markdown::scan("[ссылка](b.md)").links;
        }));
        // A release with a new problem (here: no title) is rebuilt with the whole model.
        assert!(!text_only_after(|r| r.title = None));
    }

    #[test]
    fn the_new_text_keeps_what_the_model_derived() {
        let site = crate::model::testing::site(vec![base(), raw("ky", "a", "2025-05-01", "")]);
        let i = site
            .releases
            .iter()
            .position(|r| r.lang == crate::i18n::Lang::Ru)
            .unwrap();
        let mut release = site.releases[i].clone();
        assert_eq!(release.translations.len(), 1);
        let mut changed = base();
        changed.title = Some(Spanned {
            value: "Новое".to_string(),
            line: 2,
        });
        put_text(&mut release, &checked(changed));
        assert_eq!(release.title, "Новое");
        assert_eq!(release.translations, site.releases[i].translations);
        assert_eq!(release.organizers, site.releases[i].organizers);
    }
}
