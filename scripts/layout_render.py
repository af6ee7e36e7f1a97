"""Render a plan's tab-separated appendix table the way `pdftotext -layout` prints a PDF of it.

Used by scripts/gen-layout-bench.py (the benchmark's 200-page appendix) and
scripts/make-recovery-fixtures.py (layout fixtures with centred and top-aligned cells). Not a
PDF renderer: a model of what poppler prints for Word/LibreOffice tables — columns at fixed
character positions, each cell wrapped in its column and centred in its row (the row number on
the row's middle line; cells of different line counts interleave, half a line apart) or hung
from the top, no lines between rows, a form feed and the page
number at each page break, the header row repeated on every page, a row cut by a page break
continued at the top of the next page. Standard library only.
"""

import textwrap

GAP = 2


def wrap(text, width):
    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or []


def render_rows(header, rows, widths, align="center", page_lines=38, first_page=1, page_width=None):
    """header: list of cell texts; rows: list of ("group", text) or ("row", [cells]).

    Returns the text (str) of the table pages, each page starting with a form feed and its
    page number except the first, the header on every page."""
    starts = []
    x = 0
    for w in widths:
        starts.append(x)
        x += w + GAP
    total = x
    page_width = page_width or total

    def line(frags):
        out = ""
        for col_x, text in sorted(frags):
            if len(out) < col_x:
                out += " " * (col_x - len(out))
            elif out:
                out += " "
            out += text
        return out.rstrip()

    def header_lines():
        wrapped = [wrap(h, w) for h, w in zip(header, widths)]
        h = max(len(c) for c in wrapped)
        out = []
        for k in range(h):
            frags = []
            for c, cell in enumerate(wrapped):
                if k < len(cell):
                    pad = max(0, (widths[c] - len(cell[k])) // 2)
                    frags.append((starts[c] + pad, cell[k]))
            out.append(line(frags))
        return out

    pages = [[]]
    page = first_page

    def new_page():
        nonlocal page
        page += 1
        pages.append(["\f" + " " * (page_width // 2) + str(page), ""] + header_lines())

    pages[0] += header_lines()
    for kind, content in rows:
        if kind == "group":
            block = [line([(0, t)]) for t in wrap(content, total)]
        else:
            wrapped = [wrap(cell, w) for cell, w in zip(content, widths)]
            h = max(1, max(len(c) for c in wrapped))

            def layout(centred):
                # Each cell line sits at its own height; centred cells of different line counts
                # sit half a line apart, and pdftotext prints each height as a line of its own.
                at = {}
                for c, cell in enumerate(wrapped):
                    top = (h - len(cell)) / 2 if centred else 0
                    for k, text in enumerate(cell):
                        at.setdefault(top + k, []).append((starts[c], text))
                return [line(at[y]) for y in sorted(at)]

            block = layout(align == "center")
            # A row cut by the page break is laid out from its top (as LibreOffice does).
            if len(pages[-1]) + len(block) > page_lines:
                block = layout(False)
        # A row that does not fit is cut by the page break; its rest goes on the next page.
        while len(pages[-1]) + len(block) > page_lines:
            room = page_lines - len(pages[-1])
            if room > 0:
                pages[-1] += block[:room]
                block = block[room:]
            new_page()
        pages[-1] += block
    return "\n".join("\n".join(p) for p in pages) + "\n"
