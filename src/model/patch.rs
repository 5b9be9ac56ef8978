//! Model, text edits: a release file saved with new text only (title, summary, body, place,
//! contacts, ...) changes that release alone. No other release, no list, no page's address and
//! no warning depends on those fields, so `serve` puts the new check in the model in place
//! instead of putting the whole model together again.

use super::{Checked, Release};

/// Whether `new` differs from `old` (the same file checked before and after a save) only in
/// fields that nothing but the release's own outputs show. Everything else (language, slug,
/// dates, topics, organizers, translation key, links' and pictures' addresses, picture, bundle,
/// draft) is compared, so a field added to [`Release`] counts as more than text until it is
/// named here.
pub fn text_only(old: &Checked, new: &Checked) -> bool {
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
    fresh.translations = std::mem::take(&mut release.translations);
    fresh.related = std::mem::take(&mut release.related);
    fresh.release_links = std::mem::take(&mut release.release_links);
    *release = fresh;
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
