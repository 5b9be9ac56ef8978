//! The pages `serve` makes itself, in the writer's language: the error page of a failed
//! build and the live-reload script with its banner.

use super::source_line;
use crate::error::Diagnostic;
use crate::i18n::UiLang;
use crate::msg;
use std::path::Path;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page the browser shows for a failed build: every problem with its file, line, the
/// offending line and the hint.
pub fn error_page(site: &Path, diags: &[Diagnostic], ui: UiLang) -> String {
    let mut items = String::new();
    for d in diags.iter().filter(|d| d.is_error()) {
        let mut place = d.path.display().to_string().replace('\\', "/");
        if let Some(l) = d.line {
            place.push_str(&format!(":{l}"));
        }
        items.push_str(&format!(
            "<li><p class=\"place\">{}</p><p class=\"message\">",
            esc(&place)
        ));
        if let Some(f) = &d.field {
            items.push_str(&format!("<code>{}</code>: ", esc(f)));
        }
        items.push_str(&esc(&d.message_in(ui)));
        items.push_str("</p>");
        if let (Some(line), Some(src)) = (d.line, source_line(site, d)) {
            items.push_str(&format!(
                "<pre><span class=\"n\">{line}</span> {}</pre>",
                esc(&src)
            ));
        }
        if let Some(h) = d.hint_in(ui) {
            items.push_str(&format!("<p class=\"hint\">{}</p>", esc(&h)));
        }
        items.push_str("</li>\n");
    }
    if items.is_empty() {
        items.push_str(&format!(
            "<li><p class=\"message\">{}</p></li>\n",
            esc(&msg!("serve-page-no-errors").render(ui))
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body id=\"jarya-error-page\">\n<h1>{heading}</h1>\n<p>{lead}</p>\n<ul>\n{items}</ul>\n<script src=\"/__jarya/live.js\"></script>\n</body>\n</html>\n",
        lang = ui.code(),
        title = esc(&msg!("serve-page-title").render(ui)),
        heading = esc(&msg!("serve-page-heading").render(ui)),
        lead = esc(&msg!("serve-page-lead").render(ui)),
    )
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1b1f23}h1{color:#b00020;font-size:1.5rem}ul{list-style:none;padding:0}li{border:1px solid #e3c3c3;border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0;background:#fff8f8}.place{font-family:monospace;color:#57606a;margin:.25rem 0}.message{font-weight:600;margin:.25rem 0}pre{background:#f4f6f8;padding:.5rem;overflow-x:auto}.n{color:#57606a}.hint{margin:.25rem 0}";

/// The script every served page loads: reloads the page after each rebuild and shows a
/// banner, in `ui`, while the build has errors.
pub fn live_reload_js(ui: UiLang) -> String {
    // JSON strings are JavaScript strings; `<` is escaped so no text can close a tag.
    let js = |s: String| {
        serde_json::to_string(&s)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    };
    LIVE_RELOAD_JS
        .replace("BANNER_TEXT", &js(msg!("serve-banner").render(ui)))
        .replace("BANNER_LINK", &js(msg!("serve-banner-link").render(ui)))
}

const LIVE_RELOAD_JS: &str = r#"(function () {
  var version = null;
  function banner(on) {
    var b = document.getElementById("jarya-errors");
    if (!on) { if (b) b.remove(); return; }
    if (b || document.getElementById("jarya-error-page")) return;
    b = document.createElement("div");
    b.id = "jarya-errors";
    b.setAttribute("role", "alert");
    b.style.cssText = "position:fixed;left:0;right:0;bottom:0;padding:12px 16px;background:#b00020;color:#fff;font:16px system-ui,sans-serif;z-index:2147483647";
    var link = document.createElement("a");
    link.href = "/__jarya/errors";
    link.style.cssText = "color:#fff;text-decoration:underline";
    link.textContent = BANNER_LINK;
    b.appendChild(document.createTextNode(BANNER_TEXT + " "));
    b.appendChild(link);
    document.body.appendChild(b);
  }
  function poll() {
    fetch("/__jarya/wait" + (version === null ? "" : "?v=" + version), { cache: "no-store" })
      .then(function (r) {
        var errors = r.headers.get("X-Jarya-Errors") === "1";
        return r.text().then(function (v) {
          if (version !== null && v !== version) { location.reload(); return; }
          version = v;
          banner(errors);
          setTimeout(poll, 50);
        });
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_page_and_banner_speak_the_writers_language() {
        let d = Diagnostic::error("content/ru/a.md", msg!("title-empty"))
            .at_line(2)
            .in_field("title")
            .with_hint(msg!("title-empty-hint"));
        let ru = error_page(Path::new(""), std::slice::from_ref(&d), UiLang::Ru);
        assert!(ru.contains("<html lang=\"ru\">"), "{ru}");
        assert!(ru.contains(&msg!("title-empty").render(UiLang::Ru)), "{ru}");
        assert!(!ru.contains("the title is empty"), "{ru}");
        let ky = live_reload_js(UiLang::Ky);
        assert!(ky.contains(&msg!("serve-banner").render(UiLang::Ky)));
        assert!(!ky.contains("BANNER_TEXT"));
    }
}
