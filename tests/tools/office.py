#!/usr/bin/env python3
"""Writes press releases as Word (.docx, by python-docx) and LibreOffice (.odt, by odfpy)
files, for the import tests: documents made by well-kept writers, with their own styles,
numbering and packaging, not by jarya's test code.

  office.py seed TEXT OUT      OUT.docx and OUT.odt from a plain-text release: the first
                               line a title, lines starting with a bullet list items
  office.py rich OUT           OUT.docx and OUT.odt of a release with bold, italic, a link,
                               a list, a table, a picture with its description, and text
                               that looks like Markdown
"""
import struct
import sys
import zlib

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from odf import draw, style, svg, table, text
from odf.opendocument import OpenDocumentText

BULLETS = "·•-*–—▪"


def png():
    """A 4x3 red PNG."""
    raw = b"".join(b"\x00" + b"\xcc\x22\x22" * 4 for _ in range(3))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def seed(path, out):
    lines = [l.strip() for l in open(path, encoding="utf-8").read().splitlines() if l.strip()]
    d = docx.Document()
    o = OpenDocumentText()
    for i, line in enumerate(lines):
        item = line[0] in BULLETS and line[1:2].isspace()
        if i == 0:
            d.add_heading(line, 0)
            o.text.addElement(text.H(outlinelevel=1, text=line))
        elif item:
            d.add_paragraph(line[1:].strip(), style="List Bullet")
            lst = text.List()
            li = text.ListItem()
            li.addElement(text.P(text=line[1:].strip()))
            lst.addElement(li)
            o.text.addElement(lst)
        else:
            d.add_paragraph(line)
            o.text.addElement(text.P(text=line))
    d.save(out + ".docx")
    o.save(out + ".odt")


def docx_link(paragraph, label, url):
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = label
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


TITLE = "Форум молодёжи в Оше"
DATE = "Форум пройдёт 12 марта 2026 года в 10:00 в Оше."
MARKDOWNISH = "Не Markdown: *звёздочки* и [скобки]."
SUPPORT = "При поддержке Общественного фонда «Лица Таласа»."
CONTACT = "Контакты: Опобекова Бермет, +996 312 91 10 10, info@platforma.kg"
ITEMS = ["Открытие", "Работа в группах"]
ROWS = [["Время", "Событие"], ["10:00", "Открытие"]]
ALT = "Участники форума у входа"


def rich_docx(out, picture):
    d = docx.Document()
    d.add_heading(TITLE, 0)
    d.add_paragraph(DATE)
    p = d.add_paragraph("Организатор — ")
    p.add_run("ОФ «Гражданская платформа»").bold = True
    p.add_run(", ")
    p.add_run("вход свободный").italic = True
    p.add_run(". Программа ")
    docx_link(p, "на сайте", "https://example.org/forum")
    p.add_run(".")
    d.add_paragraph(MARKDOWNISH)
    d.add_paragraph(SUPPORT)
    d.add_heading("Программа", 2)
    for item in ITEMS:
        d.add_paragraph(item, style="List Bullet")
    t = d.add_table(rows=2, cols=2)
    for r, row in enumerate(ROWS):
        for c, cell in enumerate(row):
            t.cell(r, c).text = cell
    shape = d.add_picture(picture)
    shape._inline.docPr.set("descr", ALT)
    d.add_paragraph(CONTACT)
    d.save(out + ".docx")


def rich_odt(out, picture):
    o = OpenDocumentText()
    bold = style.Style(name="T1", family="text")
    bold.addElement(style.TextProperties(fontweight="bold"))
    italic = style.Style(name="T2", family="text")
    italic.addElement(style.TextProperties(fontstyle="italic"))
    o.automaticstyles.addElement(bold)
    o.automaticstyles.addElement(italic)
    o.text.addElement(text.H(outlinelevel=1, text=TITLE))
    o.text.addElement(text.P(text=DATE))
    p = text.P(text="Организатор — ")
    p.addElement(text.Span(stylename=bold, text="ОФ «Гражданская платформа»"))
    p.addText(", ")
    p.addElement(text.Span(stylename=italic, text="вход свободный"))
    p.addText(". Программа ")
    p.addElement(text.A(type="simple", href="https://example.org/forum", text="на сайте"))
    p.addText(".")
    o.text.addElement(p)
    o.text.addElement(text.P(text=MARKDOWNISH))
    o.text.addElement(text.P(text=SUPPORT))
    o.text.addElement(text.H(outlinelevel=2, text="Программа"))
    lst = text.List()
    for item in ITEMS:
        li = text.ListItem()
        li.addElement(text.P(text=item))
        lst.addElement(li)
    o.text.addElement(lst)
    t = table.Table(name="Programme")
    t.addElement(table.TableColumn(numbercolumnsrepeated=2))
    for row in ROWS:
        tr = table.TableRow()
        for cell in row:
            tc = table.TableCell()
            tc.addElement(text.P(text=cell))
            tr.addElement(tc)
        t.addElement(tr)
    o.text.addElement(t)
    href = o.addPictureFromString(picture, "image/png")
    frame = draw.Frame(width="4cm", height="3cm", anchortype="as-char", name="Photo")
    frame.addElement(draw.Image(href=href))
    frame.addElement(svg.Desc(text=ALT))
    holder = text.P()
    holder.addElement(frame)
    o.text.addElement(holder)
    o.text.addElement(text.P(text=CONTACT))
    o.save(out + ".odt")


def main():
    if sys.argv[1] == "seed":
        seed(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "rich":
        import io
        data = png()
        rich_docx(sys.argv[2], io.BytesIO(data))
        rich_odt(sys.argv[2], data)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
