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
                .find_map(|c| c.emails.first().map(|e| (c.name.clone(), e.clone()))),
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

    /// A release as schema.org JSON-LD (`<script type="application/ld+json">`).
    pub(super) fn json_ld(&self, i: usize) -> String {
        let r = &self.site.releases[i];
        let date_or_time = |dt: jiff::civil::DateTime, timed: bool| {
            if timed {
                self.rfc3339(dt)
            } else {
                dt.date().to_string()
            }
        };
        let organizer = r
            .organizers
            .iter()
            .map(|o| Organization {
                kind: "Organization",
                name: &o.name,
                url: o.entry.and_then(|e| {
                    let entry = self.site.entry(crate::urls::TermKind::Organizers, e)?;
                    entry.website.as_deref()
                }),
            })
            .collect();
        let location = r.location.as_ref().map(|loc| {
            let (street, city) = match (&loc.address, &loc.city) {
                (None, None) => (Some(loc.one_line()), None),
                (street, city) => (street.clone(), city.as_deref()),
            };
            Place {
                kind: "Place",
                address: PostalAddress {
                    kind: "PostalAddress",
                    locality: city,
                    street,
                },
                name: loc.name.clone().unwrap_or_else(|| loc.one_line()),
            }
        });
        let event = Event {
            context: "https://schema.org",
            kind: "Event",
            description: &r.summary,
            end_date: r.end.map(|(end, timed)| date_or_time(end, timed)),
            attendance_mode: location
                .as_ref()
                .map(|_| "https://schema.org/OfflineEventAttendanceMode"),
            status: "https://schema.org/EventScheduled",
            image: [self.image_of(Job::Release(i))],
            language: r.lang.code(),
            location,
            name: &r.title,
            organizer,
            start_date: date_or_time(r.start, r.start_timed),
            url: self.urls.absolute(&urls::release(r.lang, &r.slug)),
        };
        let json = serde_json::to_string(&event).unwrap_or_default();
        // `<` never appears raw, so the text cannot close the script element.
        crate::escape::replace_ascii(&json, 32, &SCRIPT_JSON)
    }
}

/// JSON inside a `<script>`: `<`, `>` and `&` as `\u` escapes (JSON reads them as the same
/// characters), so that no text can end the element.
static SCRIPT_JSON: std::sync::LazyLock<crate::escape::Rule> = std::sync::LazyLock::new(|| {
    crate::escape::Rule::new(|b| match b {
        b'<' => Some("\\u003c"),
        b'>' => Some("\\u003e"),
        b'&' => Some("\\u0026"),
        _ => None,
    })
});

/// schema.org's Event as JSON-LD. Fields in the order of their names (as search engines' tests
/// print them; the order a map of them had before).
#[derive(serde::Serialize)]
struct Event<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    description: &'a str,
    #[serde(rename = "endDate", skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(
        rename = "eventAttendanceMode",
        skip_serializing_if = "Option::is_none"
    )]
    attendance_mode: Option<&'static str>,
    #[serde(rename = "eventStatus")]
    status: &'static str,
    image: [String; 1],
    #[serde(rename = "inLanguage")]
    language: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Place<'a>>,
    name: &'a str,
    organizer: Vec<Organization<'a>>,
    #[serde(rename = "startDate")]
    start_date: String,
    url: String,
}

#[derive(serde::Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct Place<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: PostalAddress<'a>,
    name: String,
}

#[derive(serde::Serialize)]
struct PostalAddress<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "addressLocality", skip_serializing_if = "Option::is_none")]
    locality: Option<&'a str>,
    #[serde(rename = "streetAddress", skip_serializing_if = "Option::is_none")]
    street: Option<String>,
}
