// Test code may expect: a failure should stop the test loudly.
#![allow(clippy::expect_used)]

//! An independent check of `i18n`'s month names and date patterns against CLDR, through ICU4X's
//! compiled CLDR data (a dev-dependency only: the binary carries its own small tables).

use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets;
use icu_datetime::input::Date;
use icu_locale_core::{Locale, locale};
use jarya::i18n::{Lang, format_date, format_month_heading};

/// CLDR puts no-break spaces where jarya writes plain ones ("2025 г."): compare the words.
fn words(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The Kyrgyz long pattern is `y-'ж'., d-MMMM` up to CLDR 47 (what the issue and Babel give:
/// "2025-ж., 27-июнь"); the CLDR data in ICU4X 2.4 writes it without the comma. jarya keeps the
/// comma; everything else must match.
fn without_year_comma(s: &str) -> String {
    s.replace("-ж., ", "-ж. ")
}

fn check(lang: Lang, locale: Locale) {
    let long = DateTimeFormatter::try_new(locale.clone().into(), fieldsets::YMD::long())
        .expect("CLDR long date formatter");
    let month = DateTimeFormatter::try_new(locale.into(), fieldsets::M::long())
        .expect("CLDR month formatter");
    for m in 1..=12u8 {
        let icu_date = Date::try_new_iso(2025, m, 27).expect("valid date");
        let ours = jiff::civil::date(2025, m as i8, 27);
        let cldr_long = words(&long.format(&icu_date).to_string());
        assert_eq!(
            without_year_comma(&format_date(lang, ours)),
            cldr_long,
            "{lang} month {m}: long date"
        );
        let cldr_month = month.format(&icu_date).to_string().to_lowercase();
        let heading = format_month_heading(lang, ours);
        // A heading stands alone: CLDR's ru context transform for stand-alone months is
        // titlecase ("Декабрь 2026").
        if lang == Lang::Ru {
            assert!(
                heading.chars().next().is_some_and(char::is_uppercase),
                "{heading}"
            );
        }
        assert!(
            heading
                .to_lowercase()
                .split([' ', ','])
                .any(|w| w == cldr_month),
            "{lang} month {m}: heading {heading:?} lacks CLDR's stand-alone name {cldr_month:?}"
        );
    }
}

#[test]
fn russian_dates_and_month_names_are_cldrs() {
    check(Lang::Ru, locale!("ru"));
}

#[test]
fn kyrgyz_dates_and_month_names_are_cldrs() {
    check(Lang::Ky, locale!("ky"));
}
