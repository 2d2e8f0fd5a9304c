"""Single cells of a scanned page read again by OCR: cut out, enlarged, made black and white.

Read with the whole page, a number in small print is read from a few pixels of grey, and
a "0" can come out as "9" or "8". Cut out on its own, enlarged three times and binarised
at the threshold its own pixels call for (Otsu's), and read as one line of digits, it
is read from its shapes alone. All the cells of a page go to Tesseract at once, as the
pages of one TIFF: one process, the model loaded once.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps

from parsers.tesseract import OcrUnavailable, available, installed, run_tesseract

# What an hours cell can hold (SPEC.md, Section B: "7.5", ".5", "7:30", "-").
DIGITS = "0123456789.:-"
ENLARGE = 3
# Around the word's box, in its heights: the box is the font's, the ink can reach past it.
_PAD_X, _PAD_Y = 0.3, 0.15
_BORDER = 20  # white pixels around each cut-out cell: Tesseract reads ink at an edge badly


def cell_image(page: Image.Image, box: tuple[float, float, float, float]) -> Image.Image:
    """The cell at ``box`` (pixels of ``page``: left, top, right, bottom), ready to read."""
    left, top, right, bottom = box
    height = bottom - top
    crop = page.crop(
        (
            max(round(left - _PAD_X * height), 0),
            max(round(top - _PAD_Y * height), 0),
            min(round(right + _PAD_X * height), page.width),
            min(round(bottom + _PAD_Y * height), page.height),
        )
    )
    size = (crop.width * ENLARGE, crop.height * ENLARGE)
    large = crop.convert("L").resize(size, Image.Resampling.LANCZOS)
    cut = otsu(large)
    binary = large.point(lambda v: 255 if v > cut else 0)
    return ImageOps.expand(binary, border=_BORDER, fill=255)


def otsu(image: Image.Image) -> int:
    """The grey level that best splits ``image`` into ink and paper (Otsu's method)."""
    histogram = image.histogram()[:256]
    total = sum(histogram)
    weighted = sum(level * count for level, count in enumerate(histogram))
    best, cut = -1.0, 127
    below = below_weighted = 0
    for level, count in enumerate(histogram[:-1]):
        below += count
        below_weighted += level * count
        above = total - below
        if not below or not above:
            continue
        gap = below_weighted / below - (weighted - below_weighted) / above
        between = below * above * gap * gap
        if between > best:
            best, cut = between, level
    return cut


def read_cells(
    images: list[Image.Image], dpi: int, whitelist: str = DIGITS, language: str = "eng"
) -> list[tuple[str, float]]:
    """The text of each cell image (one line each) and Tesseract's confidence in it."""
    if not images:
        return []
    if not available():
        raise OcrUnavailable()
    buffer = io.BytesIO()
    first, *rest = images
    first.save(buffer, format="TIFF", save_all=True, append_images=rest, dpi=(dpi, dpi))
    command = ["tesseract", "stdin", "stdout", "--dpi", str(dpi), "--psm", "7"]
    command += ["-l", installed(language), "-c", f"tessedit_char_whitelist={whitelist}", "tsv"]
    return parse_tsv(run_tesseract(command, buffer.getvalue(), "the cells"), len(images))


def parse_tsv(text: str, count: int) -> list[tuple[str, float]]:
    """Each page's words of Tesseract's TSV joined (one cell is one number), and the least
    confidence among them; ("", 0) for a page with none."""
    texts: list[list[str]] = [[] for _ in range(count)]
    sure = [100.0] * count
    for line in text.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        page = int(parts[1]) - 1
        if 0 <= page < count:
            texts[page].append(parts[11].strip())
            sure[page] = min(sure[page], float(parts[10]))
    return [("".join(t), s if t else 0.0) for t, s in zip(texts, sure, strict=True)]
