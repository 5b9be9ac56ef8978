//! Render, other files: feeds, calendars, the sitemap and robots.txt.

use super::page::same_content;
use super::{MAX_CALENDAR_EVENTS, Renderer};
use crate::error::Result;
use crate::feeds;
use crate::i18n::Lang;
use crate::ics;
use crate::model::order;
use crate::plan::{self, Extra, Job, Scope};
use crate::urls;

impl Renderer<'_> {
    /// A calendar, feed, sitemap part, robots.txt, favicon or share picture.
    pub(super) fn render_extra(&self, e: Extra) -> Result<Vec<u8>> {
        Ok(match e {
            Extra::Icon(icon) => self.icon(icon)?,
            Extra::SharePicture(lang) => self.share_picture(lang)?,
            text => self.render_text(text).into_bytes(),
        })
    }

    fn render_text(&self, e: Extra) -> String {
        let tz = &self.site.config.timezone;
        match e {
            Extra::ReleaseIcs(i) => {
                let r = &self.site.releases[i];
                ics::calendar(&r.title, [self.vevent(i)], tz)
            }
            Extra::Calendar(lang, scope) => {
                let (name, ids) = self.scope_name_and_ids(lang, scope);
                // List order is upcoming (soonest first), then past (newest first): a large
                // calendar keeps what subscribers need and stays small enough to subscribe to.
                let events = ids
                    .iter()
                    .take(MAX_CALENDAR_EVENTS)
                    .map(|&i| self.vevent(i));
                ics::calendar(&name, events, tz)
            }
            Extra::Feed(lang, scope) => self.feed(lang, scope),
            Extra::Sitemap(n) => self.sitemap(n),
            Extra::Robots => feeds::robots(&self.urls.absolute(&urls::sitemap(0))),
            Extra::EditorPage => super::editor::page(self.site),
            Extra::EditorConfig => super::editor::config(self.site),
            Extra::Icon(_) | Extra::SharePicture(_) => String::new(),
        }
    }

    fn scope_name_and_ids(&self, lang: Lang, scope: Scope) -> (String, &[usize]) {
        let site_title = self.language_title(lang);
        match plan::scope_term(self.site, lang, scope) {
            None => (
                site_title,
                self.site
                    .index(lang)
                    .map_or(&[][..], |i| i.releases.as_slice()),
            ),
            Some((_, t)) => (format!("{} — {site_title}", t.name), t.releases.as_slice()),
        }
    }

    fn feed(&self, lang: Lang, scope: Scope) -> String {
        let (title, ids) = self.scope_name_and_ids(lang, scope);
        let term = plan::scope_term(self.site, lang, scope).map(|(k, t)| (k, t.slug.as_str()));
        let page = match term {
            None => urls::home(lang),
            Some((kind, slug)) => urls::term(lang, kind, slug),
        };
        // The latest `per_page` by start, newest first.
        let mut latest: Vec<usize> = ids.to_vec();
        latest
            .sort_by(|&a, &b| order::newest_first(&self.site.releases[a], &self.site.releases[b]));
        latest.truncate(self.site.config.per_page);
        let entries: Vec<feeds::Entry> = latest
            .iter()
            .map(|&i| {
                let r = &self.site.releases[i];
                feeds::Entry {
                    title: r.title.clone(),
                    url: self.urls.absolute(&urls::release(r.lang, &r.slug)),
                    updated: self.rfc3339(r.published),
                    summary: r.summary.clone(),
                    authors: r.organizers.iter().map(|o| o.name.to_string()).collect(),
                    categories: r
                        .topics
                        .iter()
                        .map(|t| (t.slug.to_string(), t.name.to_string()))
                        .collect(),
                }
            })
            .collect();
        let self_url = self.urls.absolute(&urls::feed(lang, term));
        let page_url = self.urls.absolute(&page);
        let subtitle = self
            .site
            .config
            .language(lang)
            .map(|l| l.description.clone())
            .unwrap_or_default();
        let fallback = self.now.to_string();
        feeds::atom(
            &feeds::Feed {
                lang: lang.code(),
                title: &title,
                subtitle: &subtitle,
                self_url: &self_url,
                page_url: &page_url,
                fallback_updated: &fallback,
            },
            &entries,
        )
    }

    /// `sitemap.xml` (a sitemap, or an index of parts for large sites) or part `n`.
    fn sitemap(&self, n: usize) -> String {
        let pages: Vec<Job> = self
            .plan
            .pages
            .iter()
            .map(|(j, _)| *j)
            .filter(|j| *j != Job::NotFound)
            .collect();
        let parts = plan::sitemap_parts(pages.len());
        if n == 0 && parts > 1 {
            let names: Vec<String> = (1..=parts)
                .map(|k| self.urls.absolute(&urls::sitemap(k)))
                .collect();
            return feeds::sitemap_index(&names);
        }
        let chunk = if n == 0 {
            &pages[..]
        } else {
            let start = (n - 1) * feeds::SITEMAP_MAX_URLS;
            &pages[start..(start + feeds::SITEMAP_MAX_URLS).min(pages.len())]
        };
        feeds::sitemap(chunk.iter().map(|&job| {
            let path = plan::page_path(self.site, job);
            let mut alternates: Vec<(String, String)> = if same_content(job) {
                self.counterparts(job)
                    .into_iter()
                    .map(|(l, p)| (l.code().to_string(), self.urls.absolute(&p)))
                    .collect()
            } else {
                Vec::new()
            };
            if !alternates.is_empty() {
                if let Some(lang) = plan::lang_of(self.site, job) {
                    alternates.push((lang.code().to_string(), self.urls.absolute(&path)));
                }
                alternates.sort();
            }
            feeds::SitemapUrl {
                loc: self.urls.absolute(&path),
                alternates,
            }
        }))
    }
}
