//! The value parsers on any text: dates, time ranges, times, written-out dates, phones,
//! `--date`, and the body sanitizer.
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
});
