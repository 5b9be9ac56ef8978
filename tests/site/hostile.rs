//! Hostile input: nothing from content turns into script in a reader's browser.

use super::*;

const BODY: &str = "Текст.\n\n<script>alert(2)</script>\n\n[ссылка](javascript:alert(1)) \
                    <img src=x onerror=\"alert(3)\"> <a href=\"https://x.kg\">ok</a>\n\n\
                    <iframe src=\"https://www.youtube.com/embed/abc\" title=\"Видео\"></iframe>\n";

fn page_of(site: &Path) -> String {
    let (_tmp, out) = build(site, &[]);
    read(&out, "ru/a/index.html")
}

#[test]
fn raw_html_and_script_urls_never_reach_the_page_and_each_drop_is_located() {
    let site = site_with(&[("ru/a.md", &(release("А", "2025-01-10", "ru", "") + BODY))]);
    let page = page_of(site.path());
    for bad in ["<script>alert", "javascript:", "onerror", "<iframe"] {
        assert!(!page.contains(bad), "{bad} published:\n{page}");
    }
    assert!(page.contains("<a href=\"https://x.kg\">ok</a>"), "{page}");
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "warnings only");
    let err = stderr(&o);
    assert!(
        err.contains("this HTML will not be published: <script>"),
        "{err}"
    );
    assert!(
        err.contains("the address \"javascript:alert(1)\" could run script"),
        "{err}"
    );
    assert!(err.contains("onerror=\"…\""), "{err}");
    assert!(
        err.contains("<iframe src=\"https://www.youtube.com/embed/abc\">"),
        "{err}"
    );
    // Each at its line: the front matter ends on line 6, BODY starts on line 8.
    assert!(err.contains("content/ru/a.md:10:1"), "{err}");
    assert!(err.contains("content/ru/a.md:12:1"), "{err}");
}

#[test]
fn embed_hosts_allow_frames_and_unsafe_html_lets_everything_through_with_a_warning() {
    let site = site_with(&[("ru/a.md", &(release("А", "2025-01-10", "ru", "") + BODY))]);
    let settings = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}embed_hosts: [www.youtube.com]\n")).unwrap();
    let page = page_of(site.path());
    assert!(
        page.contains("<iframe src=\"https://www.youtube.com/embed/abc\""),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));
    std::fs::write(&settings, format!("{text}unsafe_html: true\n")).unwrap();
    let page = page_of(site.path());
    assert!(page.contains("<script>alert(2)</script>"), "{page}");
    let o = jarya(&["check", "--site", site.path().to_str().unwrap()]);
    assert!(stderr(&o).contains("unsafe_html is on"), "{}", stderr(&o));
    assert!(stderr(&o).contains("content/site.yaml:"), "{}", stderr(&o));
}
