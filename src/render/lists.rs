//! Render, lists: one list page for a language's home, a topic, an organization and a year of
//! the archive; the indexes of topics, organizations and years.

use super::Renderer;
use super::page::contact_view;
use super::views::*;
use crate::i18n::{self, Lang};
use crate::model::Term;
use crate::plan::Job;
use crate::urls::{self, TermKind};
use std::collections::{BTreeMap, BTreeSet};

impl Renderer<'_> {
    fn term_view(&self, lang: Lang, kind: TermKind, t: &Term) -> TermInfo {
        let entry = t.entry.and_then(|e| self.site.entry(kind, e));
        let pick = |m: &BTreeMap<Lang, String>| m.get(&lang).cloned();
        TermInfo {
            kind: kind.folder(),
            registered: entry.is_some(),
            short: entry.and_then(|e| pick(&e.short)),
            description: entry.and_then(|e| pick(&e.description)),
            website: entry.and_then(|e| e.website.clone()),
            logo: entry
                .and_then(|e| e.logo.as_ref())
                .map(|l| self.logo_src(l)),
            contacts: entry
                .map(|e| e.contacts.iter().map(|c| contact_view(c, lang)).collect())
                .unwrap_or_default(),
        }
    }

    /// What a list page shows: a language's home, a topic or organization, a year.
    fn list_spec(&self, job: Job) -> ListSpec<'_> {
        match job {
            Job::Term {
                lang,
                kind,
                term,
                page,
            } => {
                let t = &self.terms(lang, kind)[term];
                let kicker = match kind {
                    TermKind::Topics => lang.ui().topic,
                    TermKind::Organizers => lang.ui().organizer,
                };
                ListSpec {
                    lang,
                    title: t.name.clone(),
                    kicker: Some(kicker),
                    term: Some(self.term_view(lang, kind, t)),
                    ids: &t.releases,
                    base: urls::term(lang, kind, &t.slug),
                    page,
                    grouping: Grouping::Status,
                    subscribe: Some(self.subscribe(lang, Some((kind, t.slug.as_str())))),
                }
            }
            Job::Year { lang, year, page } => {
                let y = &self.years(lang)[year];
                ListSpec {
                    lang,
                    title: y.year.to_string(),
                    kicker: Some(lang.ui().archive),
                    term: None,
                    ids: &y.releases,
                    base: urls::year(lang, y.year),
                    page,
                    grouping: Grouping::Month,
                    subscribe: None,
                }
            }
            // The home list; only list jobs reach here.
            other => {
                let (lang, page) = match other {
                    Job::Home { lang, page } => (lang, page),
                    _ => (self.site.config.default_language, 1),
                };
                ListSpec {
                    lang,
                    title: self.language_title(lang),
                    kicker: None,
                    term: None,
                    ids: self
                        .site
                        .index(lang)
                        .map_or(&[][..], |x| x.releases.as_slice()),
                    base: urls::home(lang),
                    page,
                    grouping: Grouping::Status,
                    subscribe: Some(self.subscribe(lang, None)),
                }
            }
        }
    }

    /// A list page: one page of a home, topic, organization or year list.
    pub(super) fn list_context(&self, job: Job) -> ListContext<'_> {
        let ListSpec {
            lang,
            title,
            kicker,
            term,
            ids,
            base,
            page,
            grouping,
            subscribe,
        } = self.list_spec(job);
        let common = self.common(lang, job, title);
        let base = base.as_str();
        let per_page = self.site.config.per_page;
        let total = ids.len().div_ceil(per_page).max(1);
        let slice = ids.iter().skip((page - 1) * per_page).take(per_page);
        let mut sections: Vec<Section> = Vec::new();
        for &i in slice {
            let item = self.item(i);
            let heading = match grouping {
                Grouping::Status if item.upcoming => lang.ui().upcoming.to_string(),
                Grouping::Status => lang.ui().past.to_string(),
                Grouping::Month => item.month.clone(),
            };
            match sections.last_mut() {
                Some(s) if s.heading == heading => s.items.push(item),
                _ => sections.push(Section {
                    id: match grouping {
                        Grouping::Month => urls::month_anchor(self.site.releases[i].start.date()),
                        Grouping::Status => format!("section-{}", sections.len() + 1),
                    },
                    heading,
                    upcoming: item.upcoming && grouping == Grouping::Status,
                    items: vec![item],
                }),
            }
        }
        ListContext {
            common,
            kicker,
            subscribe,
            term,
            count: i18n::count_events(lang, ids.len()),
            sections,
            pagination: self.pagination(base, page, total),
        }
    }

    fn pagination(&self, base: &str, page: usize, total: usize) -> Pagination {
        let href = |n: usize| self.urls.href(&urls::paged(base, n));
        // First, last and two either side of the current page: never a link per page.
        let mut shown: BTreeSet<usize> = [1, total].into_iter().collect();
        shown.extend(page.saturating_sub(2).max(1)..=(page + 2).min(total));
        let mut links = Vec::new();
        let mut last = 0;
        for n in shown {
            if n > last + 1 {
                links.push(PageLink {
                    number: None,
                    href: None,
                    current: false,
                });
            }
            links.push(PageLink {
                number: Some(n),
                href: Some(href(n)),
                current: n == page,
            });
            last = n;
        }
        Pagination {
            current: page,
            total,
            previous: (page > 1).then(|| href(page - 1)),
            next: (page < total).then(|| href(page + 1)),
            links: if total > 1 { links } else { Vec::new() },
        }
    }

    pub(super) fn terms_context(&self, lang: Lang, kind: TermKind, job: Job) -> TermsContext {
        let heading = match kind {
            TermKind::Topics => lang.ui().topics,
            TermKind::Organizers => lang.ui().organizers,
        };
        TermsContext {
            common: self.common(lang, job, heading.to_string()),
            kind: kind.folder(),
            terms: self.term_views(lang, kind),
        }
    }

    fn term_views(&self, lang: Lang, kind: TermKind) -> Vec<TermView> {
        self.terms(lang, kind)
            .iter()
            .filter(|t| !t.releases.is_empty())
            .map(|t| TermView {
                name: t.name.clone(),
                href: self.urls.href(&urls::term(lang, kind, &t.slug)),
                count: t.releases.len(),
                count_text: i18n::count_events(lang, t.releases.len()),
            })
            .collect()
    }

    fn year_views(&self, lang: Lang) -> Vec<YearView> {
        self.years(lang)
            .iter()
            .map(|y| YearView {
                year: y.year,
                href: self.urls.href(&urls::year(lang, y.year)),
                count: y.releases.len(),
                count_text: i18n::count_events(lang, y.releases.len()),
                months: self.month_views(lang, y.year, &y.releases),
            })
            .collect()
    }

    /// A year's months in the order of its list, each linking to the page of the year's list
    /// where its section starts.
    fn month_views(&self, lang: Lang, year: i16, ids: &[usize]) -> Vec<MonthView> {
        let mut months: Vec<(jiff::civil::Date, MonthView)> = Vec::new();
        for (at, &i) in ids.iter().enumerate() {
            let date = self.site.releases[i].start.date();
            match months.last_mut() {
                Some((d, m)) if (d.year(), d.month()) == (date.year(), date.month()) => {
                    m.count += 1
                }
                _ => {
                    let page = urls::paged(
                        &urls::year(lang, year),
                        urls::page_of(at, self.site.config.per_page),
                    );
                    let href = format!("{}#{}", self.urls.href(&page), urls::month_anchor(date));
                    months.push((
                        date,
                        MonthView {
                            name: i18n::month_name(lang, date),
                            href,
                            count: 1,
                        },
                    ));
                }
            }
        }
        months.into_iter().map(|(_, m)| m).collect()
    }

    pub(super) fn archive_context(&self, lang: Lang, job: Job) -> ArchiveContext {
        ArchiveContext {
            common: self.common(lang, job, lang.ui().archive.to_string()),
            years: self.year_views(lang),
        }
    }

    pub(super) fn search_context(&self, lang: Lang, job: Job) -> SearchContext {
        SearchContext {
            common: self.common(lang, job, lang.ui().search.to_string()),
            script: self.urls.href(urls::SEARCH_SCRIPT),
            bundle: self.urls.href(urls::SEARCH_INDEX),
            topics: self.term_views(lang, TermKind::Topics),
            organizers: self.term_views(lang, TermKind::Organizers),
            years: self.year_views(lang),
        }
    }
}

/// One list page's content.
struct ListSpec<'s> {
    lang: Lang,
    title: String,
    /// "Тема" / "Организатор" / "Архив" above the title; none on home pages.
    kicker: Option<&'static str>,
    term: Option<TermInfo>,
    ids: &'s [usize],
    /// The list's first page.
    base: String,
    page: usize,
    grouping: Grouping,
    subscribe: Option<Subscribe>,
}

/// How a list page groups its releases under headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grouping {
    /// "Upcoming events" / "Past events".
    Status,
    /// One heading per month ("июнь 2025").
    Month,
}
