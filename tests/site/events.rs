//! Events that travel: calendars, feeds, sitemap and JSON-LD read back by independent parsers.

use super::*;

// ---------------------------------------------------------------------------------------------
// Events that travel: every .ics, feed, sitemap and JSON-LD read back by independent parsers
// (the `ical`, `feed-rs`, `roxmltree` and `serde_json` crates; jarya writes them by hand).
// ---------------------------------------------------------------------------------------------

/// An iCalendar property's parameters: (name, values).
type IcsParams = Vec<(String, Vec<String>)>;

/// The events of an .ics file as property maps (name -> value, parameters), parsed by the
/// `ical` crate.
fn ics_events(path: &Path) -> Vec<BTreeMap<String, (String, IcsParams)>> {
    let text = std::fs::read(path).unwrap();
    // RFC 5545: CRLF line ends, no physical line over 75 octets.
    for (n, line) in text.split(|&b| b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        assert_eq!(
            line.last(),
            Some(&b'\r'),
            "{}: line {} does not end with CRLF",
            path.display(),
            n + 1
        );
        assert!(
            line.len() - 1 <= 75,
            "{}: line {} has {} octets",
            path.display(),
            n + 1,
            line.len() - 1
        );
    }
    let mut cals = ical::IcalParser::new(std::io::BufReader::new(&text[..]));
    let cal = cals
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    assert!(cals.next().is_none());
    for p in ["VERSION", "PRODID"] {
        assert!(
            cal.properties.iter().any(|x| x.name == p),
            "{} lacks {p}",
            path.display()
        );
    }
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| {
                    (
                        p.name,
                        (p.value.unwrap_or_default(), p.params.unwrap_or_default()),
                    )
                })
                .collect()
        })
        .collect()
}

/// RFC 5545 TEXT unescaping.
fn ics_text(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn every_calendar_parses_with_an_independent_reader() {
    let (_tmp, out) = build(&repo(), &[]);
    let mut files = 0;
    for (rel, _) in tree(&out) {
        if !rel.ends_with(".ics") {
            continue;
        }
        files += 1;
        for e in ics_events(&out.join(&rel)) {
            for p in ["UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION", "URL"] {
                assert!(e.contains_key(p), "{rel}: an event lacks {p}");
            }
            assert_eq!(e["DTSTAMP"].0, "20250615T120000Z", "{rel}");
            assert!(e["URL"].0.starts_with("https://jarya.example.kg/"), "{rel}");
        }
    }
    // One per release, one per language, one per topic and organizer in each language.
    assert!(files >= 8 + 2 + 36, "{files}");

    // All-day, multi-day and timed events.
    let one = &ics_events(&out.join("ru/monitoring-yusticii/event.ics"))[0];
    assert_eq!(
        one["DTSTART"],
        (
            "20250627".into(),
            vec![("VALUE".into(), vec!["DATE".into()])]
        )
    );
    assert_eq!(one["DTEND"].0, "20250628");
    let multi = &ics_events(&out.join("ru/gendernoe-ravenstvo-2030/event.ics"))[0];
    assert_eq!(
        (multi["DTSTART"].0.as_str(), multi["DTEND"].0.as_str()),
        ("20211012", "20211014")
    );
    let timed = &ics_events(&out.join("ky/koomduk-kengeshterge-10-jyl/event.ics"))[0];
    assert_eq!(
        (timed["DTSTART"].0.as_str(), timed["DTEND"].0.as_str()),
        ("20211118T080000Z", "20211118T120000Z")
    );
    assert_eq!(
        ics_text(&timed["LOCATION"].0),
        "«Хаятт Ридженси Бишкек» мейманканасы, Бишкек"
    );
    // A contact with an email is the organizer.
    assert_eq!(one["ORGANIZER"].0, "mailto:ulanumetov01@gmail.com");
    // Translations share their UID.
    for (a, b) in [
        ("ru/monitoring-yusticii", "ky/monitoring-yusticii"),
        (
            "ru/obshchestvennym-sovetam-10-let",
            "ky/koomduk-kengeshterge-10-jyl",
        ),
    ] {
        let ua = &ics_events(&out.join(format!("{a}/event.ics")))[0]["UID"].0;
        let ub = &ics_events(&out.join(format!("{b}/event.ics")))[0]["UID"].0;
        assert_eq!(ua, ub);
    }
    let other = &ics_events(&out.join("ru/gendernoe-ravenstvo-2030/event.ics"))[0]["UID"].0;
    assert_ne!(other, &one["UID"].0);
    // The language calendar holds every release of the language; a topic's, its releases.
    assert_eq!(ics_events(&out.join("ru/calendar.ics")).len(), 5);
    assert_eq!(ics_events(&out.join("ky/calendar.ics")).len(), 3);
    assert_eq!(
        ics_events(&out.join("ru/topics/gender-equality/calendar.ics")).len(),
        2
    );
    assert_eq!(
        ics_events(&out.join("ky/organizers/feca/calendar.ics")).len(),
        1
    );
    // Pages link to them.
    let page = read(&out, "ru/monitoring-yusticii/index.html");
    assert!(page.contains(
        "<a href=\"/ru/monitoring-yusticii/event.ics\" download>Добавить в календарь (.ics)</a>"
    ));
    assert!(
        page.contains(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=%D0%A3"
        )
    );
    assert!(page.contains("&amp;dates=20250627/20250628&amp;"));
    assert!(
        read(&out, "ru/topics/gender-equality/index.html")
            .contains("<a href=\"/ru/topics/gender-equality/calendar.ics\">")
    );
}

#[test]
fn calendar_text_with_commas_semicolons_and_long_cyrillic_survives_a_round_trip() {
    let title = "Форум; «Гражданское общество, государство и СМИ»: диалог\\\\ и сотрудничество, 2025; Бишкек — Ош — Каракол — Нарын — Талас";
    let site = site_with(&[(
        "ru/forum.md",
        &format!(
            "---\ntitle: \"{title}\"\ndate: 2025-10-12 09:30\nend: 2025-10-13 17:00\nlang: ru\norganizers: [ОФ «Тест»]\nlocation: {{name: \"Отель «Шератон», зал №1\", city: Бишкек}}\ncontacts: [{{name: \"Улан; пресса\", email: u@x.kg}}]\n---\nАбзац, с запятыми; и точкой с запятой.\n"
        ),
    )]);
    let (_t, out) = build(site.path(), &[]);
    let e = &ics_events(&out.join("ru/forum/event.ics"))[0];
    assert_eq!(ics_text(&e["SUMMARY"].0), title.replace("\\\\", "\\"));
    assert_eq!(
        ics_text(&e["LOCATION"].0),
        "Отель «Шератон», зал №1, Бишкек"
    );
    assert_eq!(
        ics_text(&e["DESCRIPTION"].0),
        "Абзац, с запятыми; и точкой с запятой.\n\nhttps://test.example.kg/ru/forum/"
    );
    assert_eq!(
        (e["DTSTART"].0.as_str(), e["DTEND"].0.as_str()),
        ("20251012T033000Z", "20251013T110000Z")
    );
    assert_eq!(
        e["ORGANIZER"].1,
        vec![("CN".to_string(), vec!["Улан; пресса".to_string()])]
    );
}

#[test]
fn feeds_are_atom_with_the_expected_entries() {
    let (_tmp, out) = build(&repo(), &[]);
    let mut feeds = 0;
    for (rel, bytes) in tree(&out) {
        if !rel.ends_with("atom.xml") {
            continue;
        }
        feeds += 1;
        let feed = feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom, "{rel}");
        assert!(
            feed.links.iter().any(|l| l.rel.as_deref() == Some("self")
                && l.href == format!("https://jarya.example.kg/{rel}")),
            "{rel}"
        );
        for e in &feed.entries {
            assert!(e.id.starts_with("https://jarya.example.kg/"), "{rel}");
            assert!(
                e.links[0].href.starts_with("https://jarya.example.kg/"),
                "{rel}"
            );
            assert!(
                e.updated.is_some() && e.title.is_some() && !e.authors.is_empty(),
                "{rel}"
            );
        }
    }
    assert!(feeds >= 2 + 36, "{feeds}");
    let bytes = std::fs::read(out.join("ru/atom.xml")).unwrap();
    let feed = feed_rs::parser::parse(&bytes[..]).unwrap();
    let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://jarya.example.kg/ru/monitoring-yusticii/",
            "https://jarya.example.kg/ru/monitoring-sotsialnoy-napryazhennosti/",
            "https://jarya.example.kg/ru/grazhdanskaya-platforma-liderstvo/",
            "https://jarya.example.kg/ru/obshchestvennym-sovetam-10-let/",
            "https://jarya.example.kg/ru/gendernoe-ravenstvo-2030/",
        ]
    );
    let timed = &feed.entries[3];
    assert_eq!(
        timed.updated.unwrap().to_rfc3339(),
        "2021-11-18T08:00:00+00:00"
    );
    let topic = feed_rs::parser::parse(
        &std::fs::read(out.join("ky/topics/public-monitoring/atom.xml")).unwrap()[..],
    )
    .unwrap();
    assert_eq!(topic.entries.len(), 2);
    // Pages announce their feeds.
    let page = read(&out, "ru/topics/gender-equality/index.html");
    assert!(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Жарыя — анонсы гражданского общества\" href=\"/ru/atom.xml\">"));
    assert!(page.contains("href=\"/ru/topics/gender-equality/atom.xml\">"));
}

#[test]
fn feeds_keep_the_latest_per_page_entries() {
    let files: Vec<(String, String)> = (1..=5)
        .map(|i| {
            (
                format!("ru/r{i}.md"),
                release(&format!("Событие {i}"), &format!("2024-0{i}-10"), "ru", ""),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = site_with(&refs);
    let (_t, out) = build(site.path(), &[]);
    let feed =
        feed_rs::parser::parse(&std::fs::read(out.join("ru/atom.xml")).unwrap()[..]).unwrap();
    let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://test.example.kg/ru/r5/",
            "https://test.example.kg/ru/r4/"
        ]
    );
}

#[test]
fn sitemap_lists_every_page_with_its_translations() {
    let (_tmp, out) = build(&repo(), &[]);
    let xml = read(&out, "sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed sitemap");
    const SM: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const XHTML: &str = "http://www.w3.org/1999/xhtml";
    let root = doc.root_element();
    assert!(root.has_tag_name((SM, "urlset")));
    let mut locs = BTreeMap::new();
    for url in root.children().filter(|n| n.has_tag_name((SM, "url"))) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name((SM, "loc")))
            .and_then(|n| n.text())
            .unwrap()
            .to_string();
        let alts: Vec<(String, String)> = url
            .children()
            .filter(|n| n.has_tag_name((XHTML, "link")))
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap().to_string(),
                    n.attribute("href").unwrap().to_string(),
                )
            })
            .collect();
        locs.insert(loc, alts);
    }
    let mut pages: Vec<String> = tree(&out)
        .into_keys()
        .filter(|k| k.ends_with(".html") && k != "404.html")
        .map(|k| {
            format!(
                "https://jarya.example.kg/{}",
                k.trim_end_matches("index.html")
            )
        })
        .collect();
    pages.sort();
    assert_eq!(locs.keys().cloned().collect::<Vec<_>>(), pages);
    let alts = &locs["https://jarya.example.kg/ru/monitoring-yusticii/"];
    assert_eq!(
        alts,
        &vec![
            (
                "ky".to_string(),
                "https://jarya.example.kg/ky/monitoring-yusticii/".to_string()
            ),
            (
                "ru".to_string(),
                "https://jarya.example.kg/ru/monitoring-yusticii/".to_string()
            ),
        ]
    );
    assert!(locs["https://jarya.example.kg/ru/gendernoe-ravenstvo-2030/"].is_empty());
    assert_eq!(
        read(&out, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://jarya.example.kg/sitemap.xml\n"
    );
}

#[test]
fn release_pages_carry_event_json_ld_and_share_cards() {
    let (_tmp, out) = build(&repo(), &[]);
    for (rel, bytes) in tree(&out) {
        if !rel.ends_with(".html") || rel == "index.html" || rel == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for tag in [
            "og:title",
            "og:description",
            "og:image",
            "og:url",
            "og:locale\"",
            "og:locale:alternate",
            "twitter:card",
        ] {
            assert!(html.contains(tag), "{rel} lacks {tag}");
        }
        let locale = if rel.starts_with("ru/") {
            "ru_RU"
        } else {
            "ky_KG"
        };
        assert!(
            html.contains(&format!(
                "<meta property=\"og:locale\" content=\"{locale}\">"
            )),
            "{rel}"
        );
        assert!(
            html.contains("<link rel=\"canonical\" href=\"https://jarya.example.kg/"),
            "{rel}"
        );
    }
    let json_ld = |rel: &str| -> serde_json::Value {
        let html = read(&out, rel);
        let start = html
            .find("<script type=\"application/ld+json\">")
            .expect("JSON-LD")
            + 35;
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
    };
    let timed = json_ld("ru/obshchestvennym-sovetam-10-let/index.html");
    assert_eq!(timed["@context"], "https://schema.org");
    assert_eq!(timed["@type"], "Event");
    assert_eq!(timed["startDate"], "2021-11-18T14:00:00+06:00");
    assert_eq!(timed["endDate"], "2021-11-18T18:00:00+06:00");
    assert_eq!(timed["inLanguage"], "ru");
    assert_eq!(timed["location"]["@type"], "Place");
    assert_eq!(timed["location"]["address"]["@type"], "PostalAddress");
    assert_eq!(timed["location"]["address"]["addressLocality"], "Бишкек");
    assert_eq!(timed["organizer"][0]["@type"], "Organization");
    assert_eq!(timed["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        timed["url"],
        "https://jarya.example.kg/ru/obshchestvennym-sovetam-10-let/"
    );
    // Its own picture.
    assert_eq!(
        timed["image"][0],
        "https://jarya.example.kg/img/kruglyy-stol.jpg"
    );
    let day = json_ld("ky/socialdyk-chyngaluu-monitoringi/index.html");
    assert_eq!(
        (day["startDate"].as_str(), day["endDate"].as_str()),
        (Some("2023-04-17"), Some("2023-04-18"))
    );
    assert_eq!(day["inLanguage"], "ky");
    // No `image`: the language's picture drawn from the site's logo, name and colour.
    assert_eq!(day["image"][0], "https://jarya.example.kg/ky/share.png");
    let registered = json_ld("ru/grazhdanskaya-platforma-liderstvo/index.html");
    assert_eq!(registered["organizer"][0]["url"], "https://platforma.kg");
    assert!(out.join("ru/share.png").is_file() && out.join("ky/share.png").is_file());
}

#[test]
fn json_ld_cannot_break_out_of_its_script() {
    let site = site_with(&[(
        "ru/x.md",
        &release(
            "</script><script>alert(1)</script>",
            "2025-01-01",
            "ru",
            "summary: \"a <!-- b & c\"\n",
        ),
    )]);
    let (_t, out) = build(site.path(), &[]);
    let html = read(&out, "ru/x/index.html");
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert_eq!(html.matches("</script>").count(), 1);
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let v: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(v["name"], "</script><script>alert(1)</script>");
    assert_eq!(v["description"], "a <!-- b & c");
}

#[test]
fn large_calendars_keep_upcoming_and_recent_events() {
    let files: Vec<(String, String)> = (0..520)
        .map(|i| {
            let day = jiff::civil::date(2024, 2, 1)
                .checked_add(jiff::Span::new().days(i))
                .unwrap();
            (
                format!("ru/e{i}.md"),
                release(&format!("Событие {i}"), &day.to_string(), "ru", ""),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = site_with(&refs);
    let (_t, out) = build(site.path(), &[]);
    let events = ics_events(&out.join("ru/calendar.ics"));
    assert_eq!(events.len(), 500);
    let starts: BTreeSet<String> = events.iter().map(|e| e["DTSTART"].0.clone()).collect();
    // Events run from 2024-02-01 to 2025-07-04 and today is 2025-06-15: the upcoming ones are
    // all there, the 20 oldest are not.
    assert!(
        starts.contains("20250615") && starts.contains("20250704"),
        "upcoming kept"
    );
    assert!(starts.contains("20240221"), "recent past kept");
    assert!(
        !starts.contains("20240201") && !starts.contains("20240220"),
        "oldest dropped"
    );
}
