//! Render, pages: what every page has (language, navigation, switcher, share data, feeds) and
//! the release page.

use super::Renderer;
use super::views::*;
use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::markdown;
use crate::model::{self, Release, Term, Year};
use crate::plan::{self, Job};
use crate::urls::{self, TermKind};

impl Renderer<'_> {
    pub(super) fn terms(&self, lang: Lang, kind: TermKind) -> &[Term] {
        self.site.index(lang).map_or(&[], |idx| idx.terms(kind))
    }

    pub(super) fn years(&self, lang: Lang) -> &[Year] {
        self.site
            .index(lang)
            .map_or(&[], |idx| idx.years.as_slice())
    }

    pub(super) fn language_title(&self, lang: Lang) -> String {
        self.site
            .config
            .language(lang)
            .map(|l| l.title.clone())
            .unwrap_or_default()
    }

    /// What every language page has: language, UI strings, navigation, language switcher,
    /// canonical address, share data, feeds.
    pub(super) fn common(&self, lang: Lang, job: Job, title: String) -> Common {
        let path = plan::page_path(self.site, job);
        let counterparts = self.counterparts(job);
        let lc = self.site.config.language(lang);
        let switcher = self
            .site
            .config
            .languages
            .iter()
            .map(|l| {
                let found = counterparts.iter().find(|(cl, _)| *cl == l.lang);
                LanguageLink {
                    code: l.lang.code(),
                    name: l.lang.ui().language_name,
                    href: self
                        .urls
                        .href(&found.map_or_else(|| urls::home(l.lang), |(_, p)| p.clone())),
                    current: l.lang == lang,
                    has_counterpart: l.lang == lang || found.is_some(),
                    no_counterpart_note: l.lang.ui().no_counterpart,
                }
            })
            .collect();
        // hreflang alternates only where the pages really are the same content.
        let mut alternates: Vec<Alternate> = if same_content(job) {
            counterparts
                .iter()
                .map(|(l, p)| Alternate {
                    hreflang: l.code(),
                    href: self.urls.absolute(p),
                })
                .collect()
        } else {
            Vec::new()
        };
        if !alternates.is_empty() {
            alternates.push(Alternate {
                hreflang: lang.code(),
                href: self.urls.absolute(&path),
            });
            alternates.sort_by_key(|a| a.hreflang);
        }
        Common {
            lang: lang.code(),
            ui: self.fixed(lang).ui.clone(),
            site_title: lc.map(|l| l.title.clone()).unwrap_or_default(),
            site_description: lc.map(|l| l.description.clone()).unwrap_or_default(),
            title,
            canonical: self.urls.absolute(&path),
            alternates,
            switcher,
            nav: Nav {
                root: self.urls.href(""),
                home: self.urls.href(&urls::home(lang)),
                topics: self.urls.href(&urls::terms(lang, TermKind::Topics)),
                organizers: self.urls.href(&urls::terms(lang, TermKind::Organizers)),
                archive: self.urls.href(&urls::archive(lang)),
                css: self.urls.href("style.css"),
                search: self
                    .site
                    .config
                    .search
                    .then(|| self.urls.href(&urls::search(lang))),
            },
            description: self.description_of(job, lc.map(|l| l.description.as_str())),
            og: OpenGraph {
                kind: if matches!(job, Job::Release(_)) {
                    "article"
                } else {
                    "website"
                },
                image: self.image_of(job),
                image_alt: match job {
                    Job::Release(i) if self.site.releases[i].image.is_some() => {
                        self.site.releases[i].image_alt.clone()
                    }
                    _ => None,
                },
                locale: lang.og_locale(),
                locale_alternates: self
                    .site
                    .config
                    .languages
                    .iter()
                    .filter(|l| l.lang != lang)
                    .map(|l| l.lang.og_locale())
                    .collect(),
            },
            feeds: self.feeds_of(lang, job),
            live_reload: self.live_reload.clone(),
            brand: self.fixed(lang).brand.clone(),
        }
    }

    fn description_of(&self, job: Job, site: Option<&str>) -> String {
        let own = match job {
            Job::Release(i) => Some(self.site.releases[i].summary.clone()),
            Job::Term {
                lang, kind, term, ..
            } => {
                let t = &self.terms(lang, kind)[term];
                t.entry
                    .and_then(|e| self.site.entry(kind, e))
                    .and_then(|e| e.description.get(&lang).cloned())
            }
            _ => None,
        };
        own.filter(|d| !d.is_empty())
            .unwrap_or_else(|| site.unwrap_or_default().to_string())
    }

    pub(super) fn image_of(&self, job: Job) -> String {
        if let Job::Release(i) = job
            && let Some(img) = &self.site.releases[i].image
        {
            return self.absolute_link(img);
        }
        match &self.site.config.image {
            Some(i) if i.starts_with("http://") || i.starts_with("https://") => i.clone(),
            Some(i) => self.urls.absolute(i),
            None => {
                let lang =
                    plan::lang_of(self.site, job).unwrap_or(self.site.config.default_language);
                self.urls.absolute(&urls::share_picture(lang))
            }
        }
    }

    /// A registry logo's address: its narrowest resized WebP when the plan has one (logos are
    /// shown small), else the file itself.
    pub(super) fn logo_src(&self, path: &str) -> String {
        let rel = std::path::Path::new(path.trim_start_matches('/'));
        self.plan
            .pictures
            .get(rel)
            .and_then(|s| {
                let w = s.widths().first().copied()?;
                Some(self.urls.href(&urls::picture_variant(&s.hash, w, "webp")))
            })
            .unwrap_or_else(|| self.urls.href(path))
    }

    /// The resized variants of a release's picture, when the plan has them.
    fn picture_of(&self, r: &Release) -> Option<PictureSet> {
        let image = r.image.as_deref()?;
        let rel = image
            .strip_prefix(self.site.config.base_path())
            .unwrap_or(image)
            .trim_start_matches('/');
        let source = self.plan.pictures.get(std::path::Path::new(rel))?;
        let set = |format: crate::images::Format| {
            source
                .widths()
                .iter()
                .map(|&w| {
                    let path = urls::picture_variant(&source.hash, w, format.ext());
                    format!("{} {w}w", self.urls.href(&path))
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let widest = source.widths().last().copied()?;
        let own = source.format;
        Some(PictureSet {
            src: self
                .urls
                .href(&urls::picture_variant(&source.hash, widest, own.ext())),
            width: widest,
            height: source.height_at(widest),
            srcset: set(own),
            webp_srcset: set(crate::images::Format::Webp),
            sizes: "(min-width: 48rem) 46rem, 100vw",
        })
    }

    fn absolute_link(&self, link: &str) -> String {
        if link.starts_with("http://") || link.starts_with("https://") {
            return link.to_string();
        }
        let path = link
            .strip_prefix(self.site.config.base_path())
            .unwrap_or(link);
        self.urls.absolute(path.trim_start_matches('/'))
    }

    fn feeds_of(&self, lang: Lang, job: Job) -> Vec<FeedLink> {
        let site_title = self.language_title(lang);
        let mut feeds = vec![FeedLink {
            title: site_title.clone(),
            href: self.urls.href(&urls::feed(lang, None)),
        }];
        if let Job::Term { kind, term, .. } = job {
            let t = &self.terms(lang, kind)[term];
            feeds.push(FeedLink {
                title: format!("{} — {site_title}", t.name),
                href: self
                    .urls
                    .href(&urls::feed(lang, Some((kind, t.slug.as_str())))),
            });
        }
        feeds
    }

    pub(super) fn subscribe(&self, lang: Lang, term: Option<(TermKind, &str)>) -> Subscribe {
        Subscribe {
            calendar: self.urls.href(&urls::calendar(lang, term)),
            feed: self.urls.href(&urls::feed(lang, term)),
        }
    }

    pub(super) fn counterparts(&self, job: Job) -> Vec<(Lang, String)> {
        let this = plan::lang_of(self.site, job).unwrap_or(self.site.config.default_language);
        let others = self
            .site
            .languages
            .iter()
            .map(|i| i.lang)
            .filter(|l| *l != this);
        match job {
            Job::Entry | Job::NotFound => Vec::new(),
            Job::Release(i) => self.site.releases[i]
                .translations
                .iter()
                .map(|&t| {
                    let r = &self.site.releases[t];
                    (r.lang, urls::release(r.lang, &r.slug))
                })
                .collect(),
            Job::Home { .. } => others.map(|l| (l, urls::home(l))).collect(),
            Job::Terms { kind, .. } => others.map(|l| (l, urls::terms(l, kind))).collect(),
            Job::Archive { .. } => others.map(|l| (l, urls::archive(l))).collect(),
            Job::Search { .. } => others.map(|l| (l, urls::search(l))).collect(),
            Job::Term {
                lang, kind, term, ..
            } => {
                let t = &self.terms(lang, kind)[term];
                if t.entry.is_none() {
                    return Vec::new();
                }
                others
                    .filter(|l| {
                        self.terms(*l, kind)
                            .iter()
                            .any(|o| o.slug == t.slug && o.entry.is_some())
                    })
                    .map(|l| (l, urls::term(l, kind, &t.slug)))
                    .collect()
            }
            Job::Year { lang, year, .. } => {
                let y = self.years(lang)[year].year;
                others
                    .filter(|l| self.years(*l).iter().any(|o| o.year == y))
                    .map(|l| (l, urls::year(l, y)))
                    .collect()
            }
        }
    }

    pub(super) fn entry_context(&self) -> EntryContext {
        let languages = self
            .site
            .config
            .languages
            .iter()
            .map(|l| EntryLanguage {
                code: l.lang.code(),
                name: l.lang.ui().language_name,
                title: l.title.clone(),
                description: l.description.clone(),
                href: self.urls.href(&urls::home(l.lang)),
                url: self.urls.absolute(&urls::home(l.lang)),
                ui: l.lang.ui(),
            })
            .collect();
        let default = self.site.config.default_language;
        EntryContext {
            live_reload: self.live_reload.clone(),
            lang: default.code(),
            ui: default.ui(),
            title: self.language_title(default),
            canonical: self.urls.absolute(""),
            css: self.urls.href("style.css"),
            description: self
                .site
                .config
                .language(default)
                .map(|l| l.description.clone())
                .unwrap_or_default(),
            brand: self.brand_view(default),
            languages,
        }
    }

    pub(super) fn release_context(&self, i: usize) -> Result<ReleaseContext<'_>> {
        let r = &self.site.releases[i];
        let file = r.file(&self.site.config.dir);
        let body = crate::content::body::text(&r.body, &file, &r.source, self.read_body)
            .map_err(|d| Error::Content(vec![d]))?;
        let body_html = self.body_html(r, &body);
        let translations = r
            .translations
            .iter()
            .map(|&t| {
                let o = &self.site.releases[t];
                TranslationLink {
                    lang: o.lang.code(),
                    label: o.lang.ui().read_in_other_language,
                    title: o.title.clone(),
                    href: self.urls.href(&urls::release(o.lang, &o.slug)),
                }
            })
            .collect();
        let term_links = |terms: &[crate::model::TermRef], kind| {
            terms
                .iter()
                .map(|t| Link {
                    name: t.name.to_string(),
                    href: self.urls.href(&urls::term(r.lang, kind, &t.slug)),
                })
                .collect()
        };
        Ok(ReleaseContext {
            common: self.common(r.lang, Job::Release(i), r.title.clone()),
            release: ReleaseView {
                item: self.item(i),
                organizers: term_links(&r.organizers, TermKind::Organizers),
                topics: term_links(&r.topics, TermKind::Topics),
                contacts: r.contacts.iter().map(|c| contact_view(c, r.lang)).collect(),
                image: r.image.clone(),
                picture: self.picture_of(r),
                image_alt: r.image_alt.clone().unwrap_or_default(),
                body_html,
                translations,
                // Compact cards: title, day, place and organizers, not the summary (a page's
                // related section stays short on a phone, and small to download).
                related: r
                    .related
                    .iter()
                    .map(|&j| Item {
                        summary: "",
                        ..self.item(j)
                    })
                    .collect(),
                ics: self.urls.href(&urls::event_ics(r.lang, &r.slug)),
                map: r.location.as_ref().and_then(map_link),
                google_calendar: self.google_calendar(i),
                json_ld: self.json_ld(i),
            },
        })
    }

    /// The body as HTML, cleaned by the site's policy (`crate::sanitize`); links to other
    /// releases' files lead to their pages.
    fn body_html(&self, r: &Release, body: &str) -> String {
        let out = self.raw_body_html(r, body);
        if out.needs_cleaning {
            self.cleaner.clean(&out.html)
        } else {
            out.html
        }
    }

    fn raw_body_html(&self, r: &Release, body: &str) -> markdown::BodyHtml {
        if r.release_links.is_empty() {
            return markdown::to_html(body, |_| None);
        }
        markdown::to_html(body, |dest| {
            let (_, target) = r
                .release_links
                .iter()
                .find(|(k, _)| r.links.get(*k).is_some_and(|l| l.dest == dest))?;
            let t = &self.site.releases[*target];
            let fragment = dest.find('#').map_or("", |i| &dest[i..]);
            Some(format!(
                "{}{fragment}",
                self.urls.href(&urls::release(t.lang, &t.slug))
            ))
        })
    }

    /// A release as a list shows it (and the head of its page).
    pub(super) fn item(&self, i: usize) -> Item<'_> {
        let r: &Release = &self.site.releases[i];
        Item {
            title: &r.title,
            href: self.urls.href(&urls::release(r.lang, &r.slug)),
            when: i18n::format_event(r.lang, r.start, r.start_timed, r.end),
            start_iso: i18n::iso_datetime(r.start, r.start_timed),
            month: i18n::format_month_heading(r.lang, r.start.date()),
            day: r.start.date().day().unsigned_abs(),
            day_month: i18n::badge_month(r.lang, r.start.date()),
            logos: r
                .organizers
                .iter()
                .filter_map(|o| {
                    let entry = self.site.entry(TermKind::Organizers, o.entry?)?;
                    Some(Link {
                        name: o.name.to_string(),
                        href: self.logo_src(entry.logo.as_ref()?),
                    })
                })
                .collect(),
            summary: &r.summary,
            location: r.location.as_ref().map(|l| l.one_line()),
            organizers: r.organizers.iter().map(|o| &*o.name).collect(),
            upcoming: r.upcoming,
            draft: r.draft,
        }
    }
}

/// A map search for a place that has an address or a city (a venue name alone, such as
/// "Онлайн", is not looked up).
fn map_link(l: &model::Location) -> Option<String> {
    l.address.as_ref().or(l.city.as_ref())?;
    Some(format!(
        "https://www.openstreetmap.org/search?query={}",
        urls::percent_encode(&l.one_line())
    ))
}

/// Whether a page and its counterparts are the same content (not later pages of lists).
pub(super) fn same_content(job: Job) -> bool {
    !matches!(job, Job::Home { page, .. } | Job::Term { page, .. } | Job::Year { page, .. } if page > 1)
}

/// A contact as a page in `lang` shows it: the role in that language when it is written per
/// language, else the role as written (or in the other language).
pub(super) fn contact_view(c: &model::Contact, lang: Lang) -> ContactView {
    let role = c
        .roles
        .get(&lang)
        .or(c.role.as_ref())
        .or_else(|| c.roles.values().next())
        .cloned();
    ContactView {
        name: c.name.clone(),
        role,
        email: c.emails.first().cloned(),
        emails: c.emails.clone(),
        phone: c.phones.first().map(|p| p.display.clone()),
        tel: c.phones.first().map(|p| format!("tel:{}", p.tel)),
        phones: (c.phones.iter())
            .map(|p| PhoneView {
                phone: p.display.clone(),
                tel: format!("tel:{}", p.tel),
            })
            .collect(),
        url: c.url.clone(),
    }
}
