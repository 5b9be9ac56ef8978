//! The value parsers on any text: dates, time ranges, times, written-out dates, phones,
//! `--date`, the body sanitizer, and Markdown that skips it: when `markdown::to_html` says a
//! body needs no cleaning, ammonia must find nothing in its HTML to take away.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(6));
    if let Ok(w) = jarya::model::when::parse_when(text, &tz) {
        if let Some(end) = w.end {
            assert!(end > w.start, "{text:?}: a range that ends before it starts");
        }
    }
    let _ = jarya::model::when::parse_time_only(text);
    let _ = jarya::i18n::parse_written_date(text);
    let _ = jarya::new::parse_date(text);
    let _ = jarya::model::phone::read(text, jarya::model::phone::region("KG").unwrap());
    let clean = jarya::sanitize::clean(text, &jarya::sanitize::Policy::default());
    assert!(!clean.to_ascii_lowercase().contains("<script"), "{text:?} -> {clean:?}");
    let _ = jarya::sanitize::problems(text, &jarya::sanitize::Policy::default());
    let body = jarya::markdown::to_html(text, |_| None);
    if !body.needs_cleaning {
        let cleaned = jarya::sanitize::clean(&body.html, &jarya::sanitize::Policy::default());
        assert_eq!(
            jarya::sanitize::shape(&body.html),
            jarya::sanitize::shape(&cleaned),
            "{text:?}: {:?} -> {cleaned:?}",
            body.html
        );
    }
});
