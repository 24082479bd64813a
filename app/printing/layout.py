"""Canvas-level layout for official-style A4 forms: centred title, 编号 line, ruled grids with shaded label
cells, signature boxes, a QR code and page numbers on every page.

Forms draw straight onto one ReportLab canvas (no platypus story): nothing per page is kept beyond what the
canvas itself holds, which is what lets a 500-sheet batch run in flat memory and at a few ms per page.
A sheet's page total ("共 n 页") is a form XObject referenced on each page and defined when the sheet ends.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import BinaryIO

import qrcode
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.printing.fonts import FONT, char_width, register, text_width
from app.printing.qr_payload import format_payload

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
TOP = PAGE_H - 12 * mm
BOTTOM = 16 * mm  # lowest y any body content may reach; the footer lives below it
QR_SIZE = 20 * mm
PAD = 1.4 * mm  # horizontal cell padding
PADV = 1.2 * mm  # vertical cell padding
LEADING = 1.3  # line height as a multiple of the font size
LABEL_GRAY = 0.9

# Inside any text these two characters are drawn as boxes (the font has no ☑), so forms can write
# "□是 ☑否" and get real, printable check boxes.
BOX, CHECKED = "□", "☑"
_BOXES = frozenset((BOX, CHECKED))
# Characters that must not start a line (避头点): the character before them moves down with them.
_NO_LINE_START = frozenset("，。、；：？！）》」』】’”…%,.;:!?)")


def _is_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_./@")


def _w(ch: str, size: float) -> float:
    return size if ch in _BOXES else char_width(ch) * size


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of ``text`` no wider than ``width`` at ``size``: CJK breaks anywhere, ASCII words stay whole."""
    out: list[str] = []
    for para in str(text).split("\n"):
        line: list[str] = []
        widths: list[float] = []
        brk = 0  # position in ``line`` where it may be broken
        total = 0.0
        for ch in para:
            cw = _w(ch, size)
            if total + cw > width and line and ch in _NO_LINE_START:
                # It may not start a line, and hanging it would cross the cell's border: carry the last
                # character(s) down with it instead (推出). Only a line of nothing but such marks hangs.
                k = len(line) - 1
                while k > 0 and line[k] in _NO_LINE_START:
                    k -= 1
                if _is_word(line[k]) and 0 < brk <= k:
                    k = brk  # an ASCII word moves down whole
                if k > 0:
                    out.append("".join(line[:k]).rstrip())
                    line, widths = line[k:], widths[k:]
                    total = sum(widths)
                    brk = 0
            elif total + cw > width and line:
                if _is_word(ch) and _is_word(line[-1]) and 0 < brk < len(line):
                    out.append("".join(line[:brk]).rstrip())
                    line, widths = line[brk:], widths[brk:]
                    total = sum(widths)
                else:
                    out.append("".join(line).rstrip())
                    line, widths, total = [], [], 0.0
                brk = 0
                if ch == " ":
                    continue
            if line and not (_is_word(ch) and _is_word(line[-1])):
                brk = len(line)
            line.append(ch)
            widths.append(cw)
            total += cw
        out.append("".join(line))
    return out


@lru_cache(maxsize=32)  # small: a batch prints each code once, a preview redraws a few
def qr_runs(payload: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """Module count and the dark horizontal runs ``(row, first col, end col)`` of the QR for ``payload``.

    A fixed mask pattern skips the eight trial encodings (6 ms → under 1 ms); every mask is valid QR.
    """
    q = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=2)
    q.add_data(payload)
    q.make(fit=True)
    matrix = q.get_matrix()
    runs = []
    for r, row in enumerate(matrix):
        c = 0
        n = len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                runs.append((r, start, c))
            else:
                c += 1
    return len(matrix), tuple(runs)


@lru_cache(maxsize=32)  # small: a batch prints each code once, a preview redraws a few
def qr_path(payload: str, size: float) -> str:
    """The QR as one filled PDF path of its dark runs, ``size`` points square, origin bottom-left."""
    n, runs = qr_runs(payload)
    m = size / n
    h = m * 1.02  # rows overlap by 2 %: no hairline seams between them when rasterised
    rects = [f"{c0 * m:.2f} {size - (r + 1) * m:.2f} {(c1 - c0) * m:.2f} {h:.2f} re" for r, c0, c1 in runs]
    return "0 g " + " ".join(rects) + " f"


# PDF literal-string escapes for the bytes a TrueType subset encodes to.
_ESC = [chr(b) if 32 <= b < 127 and chr(b) not in "()\\" else f"\\{b:03o}" for b in range(256)]


def _escape(data: bytes) -> str:
    return "".join([_ESC[b] for b in data])


@dataclass(slots=True)
class Cell:
    text: str = ""
    width: float = 0.0  # points; 0 = share what is left of the row equally
    label: bool = False  # shaded label cell (centred unless ``align`` says otherwise)
    align: str = ""  # left | center | right; default: labels centred, values left
    size: float = 9.0
    valign: str = "middle"  # middle | top
    bold: bool = False


def L(text: str, width: float = 0.0, **kw: object) -> Cell:  # noqa: N802 - reads like a form spec
    """A label cell."""
    return Cell(text, width, label=True, **kw)  # type: ignore[arg-type]


def V(text: object = "", width: float = 0.0, **kw: object) -> Cell:  # noqa: N802
    """A value cell (``None`` prints empty)."""
    return Cell("" if text is None else str(text), width, **kw)  # type: ignore[arg-type]


def checks(options: Sequence[str], chosen: Sequence[str] | set[str] = ()) -> str:
    """"☑A □B □C" for check boxes inside a cell."""
    return "　".join(f"{CHECKED if o in chosen else BOX}{o}" for o in options)


class Document:
    """One PDF job on a file-like object: any number of sheets, each with its own page numbering."""

    def __init__(self, out: BinaryIO, *, title: str, today: date) -> None:
        register()
        self.today = today
        self.canvas = Canvas(out, pagesize=A4, initialFontName=FONT, initialFontSize=10, pageCompression=1)
        # Metadata carries the form name only: never a person's name or number.
        self.canvas.setTitle(title)
        self.canvas.setAuthor("就业援助走访台")
        self.canvas.setCreator("OutreachDesk")
        self.canvas.setSubject("内部资料，含个人信息")
        self.sheets = 0
        self.pages = 0

    def page_done(self) -> None:
        """Finish the current page and compress its content stream right away."""
        c = self.canvas
        c.showPage()
        self.pages += 1
        # ReportLab keeps each page's content as text until save(); compressing it as soon as the page is
        # done (a Filter already in the dictionary tells ReportLab not to encode again) cuts what a long
        # batch holds per page about tenfold, which keeps its memory nearly flat.
        try:
            page = c._doc.Pages.pages[-1]  # the PDFPage showPage just added (ReportLab internals)
        except (AttributeError, IndexError):  # a future ReportLab: still correct, just not compressed early
            return
        stream = getattr(page, "stream", None)
        if isinstance(stream, str) and not page.Contents:
            flate = pdfdoc.PDFDictionary({"Filter": pdfdoc.PDFName("FlateDecode")})
            page.Contents = pdfdoc.PDFStream(flate, zlib.compress(stream.encode("utf8"), 6))
            page.stream = None

    def save(self) -> None:
        self.canvas.save()


class Sheet:
    """One form (one or more pages) being drawn top to bottom with a cursor ``y``."""

    def __init__(self, doc: Document, title: str, *, number: str = "", qr: tuple[str, str, int] | None = None,
                 subtitle: str = "", info: str = "") -> None:
        self.doc = doc
        self.c = doc.canvas
        self.title = title
        self.number = number
        self.payload = format_payload(*qr) if qr else ""
        self.qr = qr
        self.subtitle = subtitle
        self.info = info
        doc.sheets += 1
        self.total_name = f"T{doc.sheets}"
        self.page_no = 0
        self.y = TOP
        self._repeat: list[tuple[Sequence[Cell], float]] = []
        self._ttf = pdfmetrics.getFont(FONT)
        self._code: list[str] = self.c._code
        self._new_page()

    # --- drawing primitives ------------------------------------------------------------------------------
    # Operators are written as literal PDF text: ReportLab's drawString/rect format every number through a
    # pure-Python fp_str, which was two thirds of the time per sheet. Coordinates are points, 2 decimals.
    def _op(self, literal: str) -> None:
        self._code.append(literal)

    def text(self, x: float, y: float, s: str, size: float = 9.0, *, align: str = "left",
             bold: bool = False) -> None:
        """One line at baseline ``y``; □/☑ become drawn boxes."""
        if not s:
            return
        if align != "left":
            w = sum(_w(ch, size) for ch in s)
            x -= w if align == "right" else w / 2
        if not _BOXES.intersection(s):
            self._run(x, y, s, size, bold)
            return
        seg: list[str] = []
        for ch in s:
            if ch in _BOXES:
                if seg:
                    run = "".join(seg)
                    self._run(x, y, run, size, bold)
                    x += text_width(run, size)
                    seg = []
                self._box(x, y, size, ch == CHECKED)
                x += size
            else:
                seg.append(ch)
        if seg:
            self._run(x, y, "".join(seg), size, bold)

    def _run(self, x: float, y: float, s: str, size: float, bold: bool) -> None:
        doc = self.c._doc
        font = self._ttf
        parts = [f"{font.getSubsetInternalName(subset, doc)} {size:g} Tf ({_escape(chunk)}) Tj"
                 for subset, chunk in font.splitString(s, doc)]
        if bold:  # the font has no bold face: fill + thin stroke (Tr 2) reads as bold on paper
            self._op(f"{size * 0.035:.3f} w BT 2 Tr 1 0 0 1 {x:.2f} {y:.2f} Tm {' '.join(parts)} 0 Tr ET")
        else:
            self._op(f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm {' '.join(parts)} ET")

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self._op(f"0.6 w {x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")

    def _box(self, x: float, y: float, size: float, checked: bool) -> None:
        s = size * 0.78
        bx, by = x + size * 0.1, y - size * 0.08
        self._op(f"0.6 w {bx:.2f} {by:.2f} {s:.2f} {s:.2f} re S")
        if checked:
            self._op(f"1.1 w {bx + s * 0.18:.2f} {by + s * 0.52:.2f} m {bx + s * 0.42:.2f} {by + s * 0.2:.2f} l "
                     f"{bx + s * 0.86:.2f} {by + s * 0.9:.2f} l S")

    # --- page frame ----------------------------------------------------------------------------------------
    def _new_page(self) -> None:
        if self.page_no:
            self._footer()
            self.doc.page_done()
        self.page_no += 1
        self._code = self.c._code  # a new list after each showPage
        self._op("0 g 0 G")
        if self.qr:
            self.draw_qr(self.payload, PAGE_W - MARGIN - QR_SIZE, TOP - QR_SIZE, QR_SIZE)
            kind, rid, version = self.qr
            self.text(PAGE_W - MARGIN - QR_SIZE / 2, TOP - QR_SIZE - 2.6 * mm, f"{rid[:13]}… v{version}", 5.5,
                      align="center")
            self.text(PAGE_W - MARGIN - QR_SIZE / 2, TOP - QR_SIZE - 4.6 * mm, f"ID {rid[13:]}", 4.6,
                      align="center")
        title = self.title if self.page_no == 1 else f"{self.title}（续）"
        self.text(PAGE_W / 2, TOP - 10 * mm, title, 18 if self.page_no == 1 else 14, align="center", bold=True)
        if self.subtitle:
            self.text(PAGE_W / 2, TOP - 16 * mm, self.subtitle, 9, align="center")
        y = TOP - 23.5 * mm
        if self.number:
            self.text(MARGIN, y, f"编号：{self.number}", 9)
        if self.info:
            right = PAGE_W - MARGIN - (QR_SIZE + 2 * mm if self.qr and self.page_no else 0)
            self.text(right, y, self.info, 9, align="right")
        self.y = y - 2.6 * mm

    def _footer(self) -> None:
        y = BOTTOM - 7 * mm
        self.text(MARGIN, y, f"就业援助走访台　打印日期：{self.doc.today.isoformat()}", 7)
        self.text(PAGE_W / 2, y, f"第 {self.page_no} 页　", 8, align="right")
        self.c.doForm(self.total_name)  # "共 n 页", defined in finish()
        self.text(PAGE_W - MARGIN, y, "内含个人信息，请妥善保管，用后收回或销毁", 7, align="right")

    def draw_qr(self, payload: str, x: float, y: float, size: float) -> None:
        self._op(f"q 1 0 0 1 {x:.2f} {y:.2f} cm {qr_path(payload, size)} Q")

    def finish(self) -> None:
        """Close the sheet: footer on the last page and the page total for all of them."""
        self._footer()
        self.doc.page_done()
        c = self.c
        c.beginForm(self.total_name)
        c.setFont(FONT, 8)
        c.drawString(PAGE_W / 2, BOTTOM - 7 * mm, f"共 {self.page_no} 页")
        c.endForm()

    # --- body ------------------------------------------------------------------------------------------------
    def space(self, h: float) -> None:
        self.y -= h

    def ensure(self, h: float) -> None:
        """Start a new page unless ``h`` points are left (keeps a heading with what follows)."""
        if self.y - h < BOTTOM:
            self._new_page()
            for cells, min_h in self._repeat:
                self.row(cells, min_h)

    def section(self, title: str, size: float = 10.0, keep: float = 22 * mm) -> None:
        self.ensure(keep)
        self.y -= size * 1.4
        self.text(MARGIN, self.y + size * 0.3, title, size, bold=True)
        self.y -= size * 0.15

    def para(self, text: str, size: float = 9.5, *, indent: float = 0.0, bold: bool = False,
             gap: float = 0.6 * mm, align: str = "left") -> None:
        """Free text across the page, wrapped; breaks pages between lines."""
        leading = size * LEADING
        for line in wrap(text, CONTENT_W - indent, size):
            self.ensure(leading)
            self.y -= leading
            x = MARGIN + indent if align == "left" else PAGE_W / 2
            self.text(x, self.y + size * 0.28, line, size, bold=bold, align=align)
        self.y -= gap

    def table_header(self, cells: Sequence[Cell], min_h: float = 7 * mm) -> None:
        """A header row, repeated at the top of each following page until ``end_table``."""
        self.ensure(min_h + 8 * mm)
        self.row(cells, min_h)
        self._repeat = [(cells, min_h)]

    def end_table(self) -> None:
        self._repeat = []

    def row_height(self, cells: Sequence[Cell], min_h: float = 7.5 * mm) -> float:
        """Height ``row`` would take (to keep a block of rows together)."""
        h = min_h
        for cell, w in zip(cells, self._widths(cells), strict=True):
            if cell.text:
                h = max(h, len(wrap(cell.text, w - 2 * PAD, cell.size)) * cell.size * LEADING + 2 * PADV)
        return h

    def row(self, cells: Sequence[Cell], min_h: float = 7.5 * mm) -> None:
        widths = self._widths(cells)
        wrapped = [wrap(cell.text, w - 2 * PAD, cell.size) if cell.text else []
                   for cell, w in zip(cells, widths, strict=True)]
        h = min_h
        for cell, lines in zip(cells, wrapped, strict=True):
            h = max(h, len(lines) * cell.size * LEADING + 2 * PADV)
        room = TOP - 28 * mm - BOTTOM
        if h > room:  # one cell taller than a page: cut it rather than loop over page breaks
            h = room
            wrapped = [ls[: int((room - 2 * PADV) / (cell.size * LEADING))] for cell, ls in zip(cells, wrapped,
                                                                                           strict=True)]
        if self.y - h < BOTTOM:
            self.ensure(h)
        top, bottom = self.y, self.y - h
        x = MARGIN
        if any(cell.label for cell in cells):
            fills = []
            for cell, w in zip(cells, widths, strict=True):
                if cell.label:
                    fills.append(f"{x:.2f} {bottom:.2f} {w:.2f} {h:.2f} re")
                x += w
            self._op(f"{LABEL_GRAY} g {' '.join(fills)} f 0 g")
        ops = [f"0.6 w {MARGIN:.2f} {bottom:.2f} {sum(widths):.2f} {h:.2f} re"]
        x = MARGIN
        for w in widths[:-1]:
            x += w
            ops.append(f"{x:.2f} {bottom:.2f} m {x:.2f} {top:.2f} l")
        self._op(" ".join(ops) + " S")
        x = MARGIN
        for cell, w, lines in zip(cells, widths, wrapped, strict=True):
            if lines:
                leading = cell.size * LEADING
                block = len(lines) * leading
                y0 = top - PADV if cell.valign == "top" else top - (h - block) / 2
                align = cell.align or ("center" if cell.label else "left")
                tx = x + PAD if align == "left" else (x + w / 2 if align == "center" else x + w - PAD)
                for line in lines:
                    y0 -= leading
                    self.text(tx, y0 + cell.size * 0.28, line, cell.size, align=align, bold=cell.bold)
            x += w
        self.y = bottom

    def _widths(self, cells: Sequence[Cell]) -> list[float]:
        fixed = sum(cell.width for cell in cells)
        free = [cell for cell in cells if not cell.width]
        share = (CONTENT_W - fixed) / len(free) if free else 0.0
        return [cell.width or share for cell in cells]

    def signatures(self, labels: Sequence[str], *, date_label: str = "日期", h: float = 13 * mm) -> None:
        """Signature boxes: label cell + empty space for each, then the date."""
        cells: list[Cell] = []
        for label in labels:
            cells += [L(label, 24 * mm), V()]
        cells += [L(date_label, 14 * mm), V("　　年　　月　　日", 36 * mm, align="right")]
        self.row(cells, h)
