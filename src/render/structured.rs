//! Render, structured data: schema.org JSON-LD, calendar events (.ics) and "add to calendar"
//! links, all from the model's one all-day/timed rule ([`crate::model::Span`]).

use super::Renderer;
use crate::ics;
use crate::model::Span;
use crate::plan::Job;
use crate::urls;

impl Renderer<'_> {
    /// The UID shared by the translations of one event: its first language's address.
    fn event_uid(&self, i: usize) -> String {
        let r = &self.site.releases[i];
        let first = std::iter::once(i)
            .chain(r.translations.iter().copied())
            .map(|j| &self.site.releases[j])
            .min_by(|a, b| (a.lang, &a.slug).cmp(&(b.lang, &b.slug)))
            .unwrap_or(r);
        let host = self
            .site
            .config
            .base_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .unwrap_or("jarya");
        [first.slug.as_str(), "-", first.lang.code(), "@", host].concat()
    }

    /// A release as a calendar event.
    pub(super) fn event(&self, i: usize) -> ics::Event {
        let r = &self.site.releases[i];
        let url = self.urls.absolute(&urls::release(r.lang, &r.slug));
        ics::Event {
            uid: self.event_uid(i),
            span: r.span(self.site.config.event_duration),
            summary: r.title.clone(),
            description: if r.summary.is_empty() {
                url.clone()
            } else {
                [r.summary.as_str(), "\n\n", &url].concat()
            },
            location: r.location.as_ref().map(|l| l.one_line()),
            url,
            organizer: r
                .contacts
                .iter()
                .find_map(|c| c.email.as_ref().map(|e| (c.name.clone(), e.clone()))),
            categories: r.topics.iter().map(|t| t.name.to_string()).collect(),
        }
    }

    /// A release's VEVENT text, written again for each calendar listing it: keeping them all
    /// for a 10 000-release site cost 20 MiB of peak memory and saved no measurable time.
    pub(super) fn vevent(&self, i: usize) -> String {
        ics::event(&self.event(i), &self.site.config.timezone, &self.dtstamp)
    }

    pub(super) fn rfc3339(&self, dt: jiff::civil::DateTime) -> String {
        match self
            .site
            .config
            .timezone
            .to_ambiguous_zoned_datetime(dt)
            .compatible()
        {
            Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            Err(_) => format!("{}T{}Z", dt.date(), dt.time()),
        }
    }

    pub(super) fn google_calendar(&self, i: usize) -> String {
        let r = &self.site.releases[i];
        let tz = &self.site.config.timezone;
        let dates = match r.span(self.site.config.event_duration) {
            Span::Days { first, after_last } => {
                format!("{}/{}", ics::date(first), ics::date(after_last))
            }
            Span::Timed { start, end } => format!(
                "{}/{}",
                ics::local_to_utc(start, tz),
                ics::local_to_utc(end, tz)
            ),
        };
        // The page's address only: the summary would add kilobytes of percent-encoding to
        // every release page, and the page says the rest.
        let details = self.urls.absolute(&urls::release(r.lang, &r.slug));
        let mut link = format!(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}&details={}",
            urls::percent_encode(&r.title),
            dates,
            urls::percent_encode(&details)
        );
        if let Some(loc) = &r.location {
            link.push_str("&location=");
            link.push_str(&urls::percent_encode(&loc.one_line()));
        }
        if let Some(name) = tz.iana_name() {
            link.push_str("&ctz=");
            link.push_str(&urls::percent_encode(name));
        }
        link
    }

    pub(super) fn json_ld(&self, i: usize) -> String {
        let r = &self.site.releases[i];
        let date_or_time = |dt: jiff::civil::DateTime, timed: bool| {
            if timed {
                self.rfc3339(dt)
            } else {
                dt.date().to_string()
            }
        };
        let organizers: Vec<serde_json::Value> = r
            .organizers
            .iter()
            .map(|o| {
                let website = o.entry.and_then(|e| {
                    self.site
                        .entry(crate::urls::TermKind::Organizers, e)?
                        .website
                        .clone()
                });
                let mut org = serde_json::json!({"@type": "Organization", "name": &*o.name});
                if let Some(w) = website {
                    org["url"] = serde_json::Value::String(w);
                }
                org
            })
            .collect();
        let mut event = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": r.title,
            "startDate": date_or_time(r.start, r.start_timed),
            "eventStatus": "https://schema.org/EventScheduled",
            "description": r.summary,
            "inLanguage": r.lang.code(),
            "url": self.urls.absolute(&urls::release(r.lang, &r.slug)),
            "image": [self.image_of(Job::Release(i))],
            "organizer": organizers,
        });
        if let Some((end, timed)) = r.end {
            event["endDate"] = serde_json::Value::String(date_or_time(end, timed));
        }
        if let Some(loc) = &r.location {
            let mut address = serde_json::json!({"@type": "PostalAddress"});
            match (&loc.address, &loc.city) {
                (None, None) => address["streetAddress"] = loc.one_line().into(),
                (street, city) => {
                    if let Some(s) = street {
                        address["streetAddress"] = s.clone().into();
                    }
                    if let Some(c) = city {
                        address["addressLocality"] = c.clone().into();
                    }
                }
            }
            event["location"] = serde_json::json!({
                "@type": "Place",
                "name": loc.name.clone().unwrap_or_else(|| loc.one_line()),
                "address": address,
            });
            event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode".into();
        }
        // `<` never appears raw, so the text cannot close the script element.
        event
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}
