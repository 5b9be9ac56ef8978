//! `jarya import`, LibreOffice: an .odt's `content.xml` to blocks. Headings are `text:h` (or
//! a paragraph in the Title or a Heading style), list items are paragraphs inside `text:list`
//! (or in a List style); bold and italic come from the styles a paragraph or `text:span` names
//! (automatic ones in content.xml, named ones in styles.xml, through their parents); pictures
//! are `draw:image`s under `Pictures/`, with the frame's description as their alt text.
//! Footnotes, comments and tracked deletions are not the text.

use super::media::{Picture, Pictures};
use super::read::{Block, Grid, Kind, Para, ReadError, attr, clean, entity, next, push, unzip};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

/// What a style says of its text; `None` where it leaves it to its parent.
#[derive(Debug, Clone, Default)]
struct Style {
    parent: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
}

/// Emphasis as styles set it: (bold, italic), each `None` when not set.
type Emphasis = (Option<bool>, Option<bool>);

/// Styles by name, from styles.xml and then content.xml's automatic ones.
#[derive(Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    /// Reads the `style:style` elements of `xml`.
    fn add(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut current: Option<String> = None;
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "style:style" => {
                        let Some(name) = attr(&e, "style:name") else {
                            continue;
                        };
                        let parent = attr(&e, "style:parent-style-name");
                        self.0.insert(
                            name.clone(),
                            Style {
                                parent,
                                ..Style::default()
                            },
                        );
                        current = Some(name);
                    }
                    "style:text-properties" => {
                        if let Some(style) = current.as_ref().and_then(|n| self.0.get_mut(n)) {
                            style.bold = attr(&e, "fo:font-weight").map(|w| weighty(&w));
                            style.italic = attr(&e, "fo:font-style")
                                .map(|s| matches!(s.as_str(), "italic" | "oblique"));
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.name().as_ref() == "style:style" => current = None,
                Event::Eof => break,
                _ => {}
            }
        }
    }

    /// `name` and its parents, nearest first, each with its definition when the package has
    /// it (at most 8: a loop of parents ends).
    fn chain<'a>(
        &'a self,
        name: Option<&'a str>,
    ) -> impl Iterator<Item = (&'a str, Option<&'a Style>)> {
        let mut at = name;
        std::iter::from_fn(move || {
            let name = at?;
            let style = self.0.get(name);
            at = style.and_then(|s| s.parent.as_deref());
            Some((name, style))
        })
        .take(8)
    }

    fn emphasis(&self, name: Option<&str>) -> Emphasis {
        (
            self.chain(name).find_map(|(_, s)| s?.bold),
            self.chain(name).find_map(|(_, s)| s?.italic),
        )
    }

    /// A paragraph's kind from its style's name or a parent's: `Title`, `Heading_20_2`
    /// (LibreOffice's "Heading 2"), a `List…` style.
    fn kind(&self, name: Option<&str>) -> Option<Kind> {
        self.chain(name)
            .map(|(n, _)| n)
            .map(|n| n.replace("_20_", " "))
            .find_map(|n| {
                let kind = super::read::kind(&n, false);
                (!matches!(kind, Kind::Para)).then_some(kind)
            })
    }
}

/// `bold`, `600` and up.
fn weighty(weight: &str) -> bool {
    weight == "bold" || weight.parse::<u32>().is_ok_and(|w| w >= 600)
}

/// Reading state beyond the paragraph's own.
#[derive(Default)]
struct Reading {
    blocks: Vec<Block>,
    para: Para,
    kind: Option<Kind>,
    /// The paragraph style's emphasis, then each open span's.
    emphasis: Vec<Emphasis>,
    lists: usize,
    depth: usize,
    /// Inside a footnote, comment or tracked deletion (their text is left out).
    skip: usize,
    grid: Grid,
    pictures: Pictures,
    /// The frame being read: its picture's name, its title and its description, and its own
    /// name (LibreOffice's "Image1", the writer's "Фото с форума").
    frame: Option<(Option<String>, String, String, Option<String>)>,
    /// Where text goes inside a frame: 1 its title, 2 its description.
    alt: u8,
    images: Vec<(String, String)>,
}

impl Reading {
    /// Ends the run and sets the emphasis the open styles give the next.
    fn restyle(&mut self) {
        self.para.end_run();
        let pick = |f: fn(&Emphasis) -> Option<bool>| {
            self.emphasis.iter().rev().find_map(f).unwrap_or(false)
        };
        self.para.bold = pick(|e| e.0);
        self.para.italic = pick(|e| e.1);
    }

    fn start(&mut self, e: &BytesStart, styles: &Styles, package: &[u8]) -> Result<(), ReadError> {
        let style = attr(e, "text:style-name");
        match e.name().as_ref() {
            "text:note" | "office:annotation" | "text:tracked-changes" => self.skip += 1,
            "text:list" => self.lists += 1,
            "table:table" => self.grid.open(),
            "table:table-row" => self.grid.row(),
            "table:table-cell" => self.grid.cell(),
            "text:h" | "text:p" => {
                self.depth += 1;
                if self.depth == 1 {
                    self.para = Para::default();
                    let heading = e.name().as_ref() == "text:h";
                    let level = attr(e, "text:outline-level").and_then(|l| l.parse().ok());
                    self.kind = if heading {
                        Some(Kind::Heading(level.unwrap_or(1u8).clamp(1, 6)))
                    } else {
                        styles.kind(style.as_deref())
                    };
                    // A heading's own boldness is not emphasis.
                    let own = match self.kind {
                        Some(Kind::Heading(_)) => (None, None),
                        _ => styles.emphasis(style.as_deref()),
                    };
                    self.emphasis = vec![own];
                    self.restyle();
                }
            }
            "text:span" if self.depth > 0 => {
                self.emphasis.push(styles.emphasis(style.as_deref()));
                self.restyle();
            }
            "text:a" => self.para.open_link(attr(e, "xlink:href")),
            "draw:frame" => {
                let called = attr(e, "draw:name");
                self.frame = Some((None, String::new(), String::new(), called));
            }
            "draw:image" => {
                let href = attr(e, "xlink:href").unwrap_or_default();
                if let Some(frame) = self.frame.as_mut()
                    && frame.0.is_none()
                {
                    frame.0 = self.pictures.take(package, "", &href, frame.3.as_deref())?;
                }
            }
            "svg:title" => self.alt = 1,
            "svg:desc" => self.alt = 2,
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        match name {
            "text:note" | "office:annotation" | "text:tracked-changes" => {
                self.skip = self.skip.saturating_sub(1);
            }
            "text:list" => self.lists = self.lists.saturating_sub(1),
            "table:table" => self.grid.close(&mut self.blocks),
            "text:a" => self.para.close_link(),
            "text:span" if self.depth > 0 => {
                if self.emphasis.len() > 1 {
                    self.emphasis.pop();
                }
                self.restyle();
            }
            "svg:title" | "svg:desc" => self.alt = 0,
            "draw:frame" => {
                if let Some((Some(name), title, desc, _)) = self.frame.take() {
                    let alt = if desc.trim().is_empty() { title } else { desc };
                    self.images.push((name, clean(&alt)));
                }
                if self.depth == 0 {
                    self.flush_images();
                }
            }
            "text:h" | "text:p" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.para.end_run();
                    if !self.grid.take(&self.para.text) {
                        let kind = self.kind.unwrap_or(if self.lists > 0 {
                            Kind::Item
                        } else {
                            Kind::Para
                        });
                        push(&mut self.blocks, kind, &self.para.text);
                    }
                    self.flush_images();
                }
            }
            _ => {}
        }
    }

    fn flush_images(&mut self) {
        let images = self.images.drain(..);
        self.blocks
            .extend(images.map(|(name, alt)| Block::Image { name, alt }));
    }

    /// Text: to the frame's alt text, the paragraph, or nowhere.
    fn text(&mut self, t: &str) {
        if self.skip > 0 {
            return;
        }
        match (self.alt, self.frame.as_mut()) {
            (1, Some(frame)) => frame.1.push_str(t),
            (2, Some(frame)) => frame.2.push_str(t),
            _ if self.depth > 0 => self.para.run.push_str(t),
            _ => {}
        }
    }
}

/// Reads an .odt package: its blocks and pictures.
pub fn read(bytes: &[u8]) -> Result<(Vec<Block>, Vec<Picture>), ReadError> {
    let content =
        unzip(bytes, "content.xml")?.ok_or_else(|| ReadError::Broken("content.xml".into()))?;
    let mut styles = Styles::default();
    styles.add(&unzip(bytes, "styles.xml")?.unwrap_or_default());
    styles.add(&content);
    let mut reader = Reader::from_str(&content);
    let mut r = Reading::default();
    loop {
        match next(&mut reader)? {
            Event::Start(e) => r.start(&e, &styles, bytes)?,
            Event::Empty(e) => match e.name().as_ref() {
                "text:s" | "text:tab" | "text:line-break" => r.text(" "),
                "draw:image" => r.start(&e, &styles, bytes)?,
                _ => {}
            },
            Event::Text(t) => r.text(&t.into_inner()),
            Event::GeneralRef(g) => {
                if let Some(c) = entity(&g.into_inner()) {
                    r.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => r.end(e.name().as_ref()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((r.blocks, r.pictures.taken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(xml: &str) -> Styles {
        let mut s = Styles::default();
        s.add(xml);
        s
    }

    #[test]
    fn emphasis_and_kinds_come_through_parents() {
        let s = styles(
            r#"<x xmlns:style="s" xmlns:fo="f">
            <style:style style:name="Strong_20_Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
            <style:style style:name="T1" style:family="text" style:parent-style-name="Strong_20_Emphasis"><style:text-properties fo:font-style="italic"/></style:style>
            <style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="400"/></style:style>
            <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/>
            <style:style style:name="P2" style:family="paragraph" style:parent-style-name="List_20_Bullet"/>
            <style:style style:name="Loop" style:parent-style-name="Loop"/></x>"#,
        );
        assert_eq!(s.emphasis(Some("T1")), (Some(true), Some(true)));
        assert_eq!(s.emphasis(Some("T2")), (Some(false), None));
        assert_eq!(s.emphasis(Some("Loop")), (None, None));
        assert!(matches!(s.kind(Some("P1")), Some(Kind::Heading(2))));
        assert!(matches!(s.kind(Some("P2")), Some(Kind::Item)));
        assert!(s.kind(Some("Loop")).is_none());
        assert!(weighty("700") && !weighty("normal"));
    }
}
