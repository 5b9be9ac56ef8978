//! jarya speaks the writer's language: `--ui-lang`, `JARYA_LANG`, the locale (`LC_ALL`,
//! `LANG`), then the site's default language. The same problems, exit codes and places in
//! every language.

use super::*;

/// The environment of a writer whose system speaks `lang` (no JARYA_LANG).
fn locale(lang: &'static str) -> [(&'static str, &'static str); 4] {
    [
        ("JARYA_LANG", ""),
        ("LC_ALL", ""),
        ("LC_MESSAGES", ""),
        ("LANG", lang),
    ]
}

/// The ` --> file:line:col` lines of a report, in order.
fn places(report: &str) -> Vec<String> {
    report
        .lines()
        .filter(|l| l.trim_start().starts_with("--> "))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn build_with_errors_speaks_russian_and_kyrgyz_from_lang() {
    let site = fixture("broken");
    let args = [
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        "/nonexistent/out",
    ];
    let en = jarya(&args);
    let ru = jarya_env(&args, &locale("ru_RU.UTF-8"));
    let ky = jarya_env(&args, &locale("ky_KG.UTF-8"));
    for o in [&en, &ru, &ky] {
        assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
    }
    let (en, ru, ky) = (stderr(&en), stderr(&ru), stderr(&ky));
    assert!(!places(&en).is_empty());
    assert_eq!(places(&ru), places(&en), "same file:line:col in Russian");
    assert_eq!(places(&ky), places(&en), "same file:line:col in Kyrgyz");

    assert!(
        ru.contains("ошибка: `date`: «2025-02-30» — такой даты не бывает"),
        "{ru}"
    );
    assert!(
        ru.contains("= подсказка: пишите дату как год-месяц-день"),
        "{ru}"
    );
    assert!(ru.contains("ничего не записано"), "{ru}");
    assert!(
        ky.contains("ката: `date`: «2025-02-30» — мындай дата болбойт"),
        "{ky}"
    );
    assert!(
        ky.contains("= кеңеш: датаны жыл-ай-күн түрүндө жазыңыз"),
        "{ky}"
    );
    assert!(ky.contains("эч нерсе жазылган жок"), "{ky}");
    for (name, text) in [("ru", &ru), ("ky", &ky)] {
        for english in [
            "error:",
            "hint:",
            "is not",
            "expected",
            "found;",
            "nothing was written",
        ] {
            assert!(
                !text.contains(english),
                "{name} output has {english:?}:\n{text}"
            );
        }
    }
}

#[test]
fn the_flag_beats_the_environment_which_beats_the_site() {
    let site = fixture("broken");
    let check = |extra: &[&str], env: &[(&str, &str)]| {
        let mut args = vec!["check", "--site", site.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = jarya_env(&args, env);
        assert_eq!(o.status.code(), Some(1));
        stderr(&o)
    };
    let ky_over_ru = check(&["--ui-lang", "ky"], &locale("ru_RU.UTF-8"));
    assert!(ky_over_ru.contains("ката:"), "{ky_over_ru}");
    let jarya_lang = check(&[], &[("JARYA_LANG", "ky"), ("LANG", "ru_RU.UTF-8")]);
    assert!(jarya_lang.contains("ката:"), "{jarya_lang}");
    let lc_all = check(
        &[],
        &[
            ("JARYA_LANG", ""),
            ("LC_ALL", "en_US.UTF-8"),
            ("LANG", "ru_RU"),
        ],
    );
    assert!(lc_all.contains("error:"), "{lc_all}");
    // No language in the environment (C, as in CI): the site's default language, ru here.
    let site_default = check(&[], &locale("C.UTF-8"));
    assert!(site_default.contains("ошибка:"), "{site_default}");
}

#[test]
fn json_codes_are_the_same_in_every_language() {
    let site = fixture("broken");
    let codes = |lang: &'static str| {
        let o = jarya_env(
            &[
                "check",
                "--site",
                site.to_str().unwrap(),
                "--format",
                "json",
            ],
            &locale(lang),
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let list = v["diagnostics"].as_array().unwrap().clone();
        let codes: Vec<String> = list.iter().map(|d| d["code"].to_string()).collect();
        (codes, list[0]["message"].as_str().unwrap().to_string())
    };
    let (en, en_first) = codes("en_US.UTF-8");
    let (ky, ky_first) = codes("ky_KG.UTF-8");
    assert_eq!(en, ky);
    assert_ne!(en_first, ky_first);
}

#[test]
fn help_and_command_line_mistakes_are_in_the_writers_language() {
    let o = jarya_env(&["--help"], &locale("ru_RU.UTF-8"));
    let help = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0));
    assert!(help.contains("Запуск: jarya"), "{help}");
    assert!(help.contains("Собрать сайт в public/"), "{help}");
    assert!(
        !help.contains("Usage") && !help.contains("Print help"),
        "{help}"
    );

    let o = jarya_env(&["build", "--help"], &locale("ky_KG.UTF-8"));
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("Параметрлер:"), "{help}");
    assert!(help.contains("Сайтты кайсы жерге жазуу"), "{help}");

    let o = jarya_env(&["biuld"], &locale("ky_KG.UTF-8"));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("ката: «biuld» деген буйрук жок"), "{err}");
    assert!(err.contains("«build» болушу мүмкүнбү?"), "{err}");
}

#[test]
fn new_tells_the_writer_in_their_language() {
    let site = site_with(&[]);
    let o = jarya_env(
        &[
            "new",
            "--site",
            site.path().to_str().unwrap(),
            "Жаштар форуму",
        ],
        &locale("ky_KG.UTF-8"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Түзүлдү: content/ky/jashtar-forumu.md"),
        "{out}"
    );
    assert!(out.contains("Тил: ky (аталышынан аныкталды"), "{out}");
    let o = jarya_env(
        &[
            "new",
            "--site",
            site.path().to_str().unwrap(),
            "Форум",
            "--date",
            "32.13.2025",
        ],
        &locale("ru_RU.UTF-8"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("ошибка: --date должна быть датой"),
        "{}",
        stderr(&o)
    );
}
