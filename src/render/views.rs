//! Render, views: what templates see. Field names are the theme's API (README.md,
//! "Templates"); the model's types never reach a template.

use crate::i18n::Ui;
use serde::Serialize;

/// Fields every language page has, flattened into its context.
#[derive(Serialize)]
pub(super) struct Common {
    /// `ru` or `ky`: for `<html lang>`.
    pub(super) lang: &'static str,
    /// UI strings of the page's language (an `i18n::Ui`, made a Tera value once).
    pub(super) ui: tera::Value,
    /// The site's name in this language.
    pub(super) site_title: String,
    /// The site's description in this language.
    pub(super) site_description: String,
    /// The page's own title.
    pub(super) title: String,
    /// Full address of this page.
    pub(super) canonical: String,
    /// This page in every language (empty when it has no translation): for hreflang links.
    pub(super) alternates: Vec<Alternate>,
    /// One link per site language: the same page there, or that language's home.
    pub(super) switcher: Vec<LanguageLink>,
    /// Navigation links.
    pub(super) nav: Nav,
    /// The page's description (meta description and share cards).
    pub(super) description: String,
    /// Open Graph / Twitter card data.
    pub(super) og: OpenGraph,
    /// Atom feeds of this page: the language's, and the topic's or organizer's.
    pub(super) feeds: Vec<FeedLink>,
    /// `serve` only: the live-reload script's address (never set in `build` output).
    pub(super) live_reload: Option<String>,
    /// The site's logo, colours, favicons, footer and social links (a `BrandView`, made a Tera
    /// value once).
    pub(super) brand: tera::Value,
}

/// The site's own look (site.yaml: `logo`, `accent`, `footer`, `social`).
#[derive(Serialize)]
pub(super) struct BrandView {
    /// The accent colour on light backgrounds (`#0b5cad`; passes WCAG AA on white).
    pub(super) accent: String,
    /// The accent for dark mode (passes AA on the dark background).
    pub(super) accent_on_dark: String,
    /// The logo, for the header.
    pub(super) logo: Option<Picture>,
    /// `favicon.ico`, `favicon.png` and `apple-touch-icon.png`.
    pub(super) favicon_ico: String,
    pub(super) favicon_png: String,
    pub(super) touch_icon: String,
    /// The footer's text in the page's language (the theme's own line when the site gives none).
    pub(super) footer: String,
    /// Social network pages: the service's name and the address.
    pub(super) social: Vec<Link>,
}

/// A picture in several widths: `<picture>` with a WebP `<source>` and an `<img>` in the
/// picture's own format.
#[derive(Serialize)]
pub(super) struct PictureSet {
    /// The widest variant in the picture's own format (the `<img src>`).
    pub(super) src: String,
    pub(super) width: u32,
    pub(super) height: u32,
    /// `a-480.jpg 480w, a-960.jpg 960w` in the picture's own format.
    pub(super) srcset: String,
    /// The same widths in WebP.
    pub(super) webp_srcset: String,
    /// How wide it is shown: the text column, or the screen on phones.
    pub(super) sizes: &'static str,
}

/// A picture with its size (for `width`/`height`, so the page does not jump as it loads).
#[derive(Serialize)]
pub(super) struct Picture {
    pub(super) src: String,
    pub(super) width: u32,
    pub(super) height: u32,
}

#[derive(Serialize)]
pub(super) struct OpenGraph {
    /// `article` for releases, `website` otherwise.
    pub(super) kind: &'static str,
    /// Full address of the share picture.
    pub(super) image: String,
    /// What it shows, when the release says (`image_alt`).
    pub(super) image_alt: Option<String>,
    /// `ru_RU` / `ky_KG`.
    pub(super) locale: &'static str,
    /// The other languages' locales.
    pub(super) locale_alternates: Vec<&'static str>,
}

#[derive(Serialize)]
pub(super) struct FeedLink {
    pub(super) title: String,
    pub(super) href: String,
}

/// Links to subscribe to a list.
#[derive(Serialize)]
pub(super) struct Subscribe {
    pub(super) calendar: String,
    pub(super) feed: String,
}

#[derive(Serialize)]
pub(super) struct Alternate {
    pub(super) hreflang: &'static str,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct LanguageLink {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) href: String,
    pub(super) current: bool,
    /// False when the link goes to the home page because this page has no counterpart.
    pub(super) has_counterpart: bool,
    /// Shown beside such a link, in its language: "котормосу жок — башкы бет".
    pub(super) no_counterpart_note: &'static str,
}

#[derive(Serialize)]
pub(super) struct Nav {
    pub(super) root: String,
    pub(super) home: String,
    pub(super) topics: String,
    pub(super) organizers: String,
    pub(super) archive: String,
    pub(super) css: String,
    /// The language's search page, when the site has search.
    pub(super) search: Option<String>,
}

#[derive(Serialize)]
pub(super) struct Link {
    pub(super) name: String,
    pub(super) href: String,
}

/// A release in a list (and the head of a release page). Its texts are borrowed from the
/// model: a 10 000-release site shows 240 000 cards.
#[derive(Serialize)]
pub(super) struct Item<'a> {
    pub(super) title: &'a str,
    pub(super) href: String,
    /// "27 июня 2025 г., 10:00".
    pub(super) when: String,
    /// For `<time datetime>`: `2025-06-27` or `2025-06-27T10:00`.
    pub(super) start_iso: String,
    /// "июнь 2025".
    pub(super) month: String,
    /// The date badge of upcoming events: the day ("27") and its month ("июня" / "июнь").
    pub(super) day: u8,
    pub(super) day_month: &'static str,
    /// The organizers that have a logo in the registry: name and logo address.
    pub(super) logos: Vec<Link>,
    pub(super) summary: &'a str,
    pub(super) location: Option<String>,
    pub(super) organizers: Vec<&'a str>,
    pub(super) upcoming: bool,
    pub(super) draft: bool,
}

#[derive(Serialize)]
pub(super) struct Section<'a> {
    /// The heading's id: `m-2025-06` for a month (months are linked from the search page).
    pub(super) id: String,
    pub(super) heading: String,
    pub(super) upcoming: bool,
    pub(super) items: Vec<Item<'a>>,
}

#[derive(Serialize)]
pub(super) struct PageLink {
    /// None for a gap ("…").
    pub(super) number: Option<usize>,
    pub(super) href: Option<String>,
    pub(super) current: bool,
}

#[derive(Serialize)]
pub(super) struct Pagination {
    pub(super) current: usize,
    pub(super) total: usize,
    pub(super) previous: Option<String>,
    pub(super) next: Option<String>,
    pub(super) links: Vec<PageLink>,
}

#[derive(Serialize)]
pub(super) struct ListContext<'a> {
    #[serde(flatten)]
    pub(super) common: Common,
    /// "Тема" / "Организатор" / "Архив" above the title; none on home pages.
    pub(super) kicker: Option<&'static str>,
    /// On topic and organizer pages: what the registry says.
    pub(super) term: Option<TermInfo>,
    /// Calendar and feed of this list (home, topic and organizer pages).
    pub(super) subscribe: Option<Subscribe>,
    /// "5 мероприятий".
    pub(super) count: String,
    pub(super) sections: Vec<Section<'a>>,
    pub(super) pagination: Pagination,
}

#[derive(Serialize)]
pub(super) struct ContactView {
    pub(super) name: String,
    pub(super) role: Option<String>,
    /// The first address (themes written for one per contact).
    pub(super) email: Option<String>,
    /// Every address: one, or several written in one `email` with commas.
    pub(super) emails: Vec<String>,
    /// The first phone (themes written for one phone per contact), and its `tel:` link.
    pub(super) phone: Option<String>,
    /// `tel:+996312911010`.
    pub(super) tel: Option<String>,
    /// Every phone: one, or several written in one `phone` with commas.
    pub(super) phones: Vec<PhoneView>,
    pub(super) url: Option<String>,
}

#[derive(Serialize)]
pub(super) struct PhoneView {
    /// `+996 312 91 10 10`.
    pub(super) phone: String,
    /// `tel:+996312911010`.
    pub(super) tel: String,
}

#[derive(Serialize)]
pub(super) struct TranslationLink {
    pub(super) lang: &'static str,
    /// "Кыргызча окуу", in the translation's language.
    pub(super) label: &'static str,
    pub(super) title: String,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct ReleaseView<'a> {
    #[serde(flatten)]
    pub(super) item: Item<'a>,
    pub(super) organizers: Vec<Link>,
    pub(super) topics: Vec<Link>,
    pub(super) contacts: Vec<ContactView>,
    pub(super) image: Option<String>,
    /// The picture resized for phones and slow networks (a JPEG, PNG or WebP of the site).
    pub(super) picture: Option<PictureSet>,
    /// What the picture shows ("" when not said: then it is decorative).
    pub(super) image_alt: String,
    /// The body as HTML (render with `| safe`).
    pub(super) body_html: String,
    pub(super) translations: Vec<TranslationLink>,
    /// Up to five related releases of the same language.
    pub(super) related: Vec<Item<'a>>,
    /// A map search for the place (OpenStreetMap), when the release gives one.
    pub(super) map: Option<String>,
    /// The release's `event.ics`.
    pub(super) ics: String,
    /// "Add to Google Calendar" address.
    pub(super) google_calendar: String,
    /// schema.org Event as JSON-LD (render with `| safe` inside
    /// `<script type="application/ld+json">`).
    pub(super) json_ld: String,
}

#[derive(Serialize)]
pub(super) struct ReleaseContext<'a> {
    #[serde(flatten)]
    pub(super) common: Common,
    pub(super) release: ReleaseView<'a>,
}

#[derive(Serialize)]
pub(super) struct TermView {
    pub(super) name: String,
    pub(super) href: String,
    pub(super) count: usize,
    pub(super) count_text: String,
}

#[derive(Serialize)]
pub(super) struct TermsContext {
    #[serde(flatten)]
    pub(super) common: Common,
    /// `topics` or `organizers`.
    pub(super) kind: &'static str,
    pub(super) terms: Vec<TermView>,
}

/// A topic's or organization's registry data (all empty for unregistered names).
#[derive(Serialize)]
pub(super) struct TermInfo {
    /// `topics` or `organizers`.
    pub(super) kind: &'static str,
    pub(super) registered: bool,
    pub(super) short: Option<String>,
    pub(super) description: Option<String>,
    pub(super) website: Option<String>,
    /// Link to the logo under static/.
    pub(super) logo: Option<String>,
    pub(super) contacts: Vec<ContactView>,
}

#[derive(Serialize)]
pub(super) struct YearView {
    pub(super) year: i16,
    pub(super) href: String,
    pub(super) count: usize,
    pub(super) count_text: String,
    /// Its months, newest first, each a link to its section on the year's pages.
    pub(super) months: Vec<MonthView>,
}

#[derive(Serialize)]
pub(super) struct MonthView {
    pub(super) name: String,
    pub(super) href: String,
    pub(super) count: usize,
}

/// A language's search page: the form, the script's data, and the lists to browse without it.
#[derive(Serialize)]
pub(super) struct SearchContext {
    #[serde(flatten)]
    pub(super) common: Common,
    /// The search script's address.
    pub(super) script: String,
    /// The search index's folder (`/pagefind/`).
    pub(super) bundle: String,
    pub(super) topics: Vec<TermView>,
    pub(super) organizers: Vec<TermView>,
    pub(super) years: Vec<YearView>,
}

#[derive(Serialize)]
pub(super) struct ArchiveContext {
    #[serde(flatten)]
    pub(super) common: Common,
    pub(super) years: Vec<YearView>,
}

#[derive(Serialize)]
pub(super) struct EntryLanguage {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) href: String,
    /// Full address of the language's home page.
    pub(super) url: String,
    pub(super) ui: &'static Ui,
}

#[derive(Serialize)]
pub(super) struct EntryContext {
    /// `serve` only: the live-reload script's address.
    pub(super) live_reload: Option<String>,
    pub(super) lang: &'static str,
    pub(super) ui: &'static Ui,
    pub(super) title: String,
    pub(super) canonical: String,
    pub(super) css: String,
    /// The first language's description (the entry page's meta description).
    pub(super) description: String,
    pub(super) brand: BrandView,
    pub(super) languages: Vec<EntryLanguage>,
}
