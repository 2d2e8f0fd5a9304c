"""Words, their boxes and confidences from Tesseract's hOCR output, one page image at a time."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

from PIL import Image

from parsers.errors import UnreadablePdf

# Tesseract's own threads gain little on one page and would take the other core.
_ENV = {"OMP_THREAD_LIMIT": "1"}
TIMEOUT = 60.0


class OcrUnavailable(UnreadablePdf):
    """Tesseract is not installed: scans cannot be read on this server."""

    status = 503

    def __init__(self) -> None:
        super().__init__(
            "scanned AORs cannot be read on this server now (its OCR program, Tesseract, is "
            "not installed); the file is kept, ask the service's administrator"
        )


class OcrFailed(UnreadablePdf):
    def __init__(self, detail: str) -> None:
        super().__init__(f"the scan could not be read by OCR ({detail}); the file is kept")


@dataclass(frozen=True)
class OcrWord:
    """A word in pixels with Tesseract's confidence (0 to 100), and its line's baseline under
    the word and font size (Tesseract's estimate for the line: a word alone is no guide)."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    baseline: float
    size: float
    line: int = 0  # the line's number on the page, in Tesseract's order


def available() -> bool:
    return shutil.which("tesseract") is not None


@cache
def languages() -> frozenset[str]:
    """The trained languages and scripts Tesseract has here (``eng``, ``Latin``...)."""
    done = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=False, timeout=10
    )
    names = {line.strip().removeprefix("script/") for line in done.stdout.splitlines()[1:]}
    return frozenset(names)


def installed(language: str) -> str:
    """``language`` (``eng+Latin``) without the parts not installed; English at the least."""
    found = [part for part in language.split("+") if part in languages()]
    return "+".join(found) or "eng"


def version() -> str:
    if not available():
        return ""
    done = subprocess.run(
        ["tesseract", "--version"], capture_output=True, text=True, check=False, timeout=10
    )
    first = (done.stdout or done.stderr).splitlines()
    return first[0].strip() if first else "tesseract"


def ocr_words(
    image: Image.Image, dpi: int, psm: int = 11, whitelist: str = "", language: str = "eng"
) -> list[OcrWord]:
    """The words Tesseract reads on ``image`` (grey), in pixels of that image."""
    if not available():
        raise OcrUnavailable()
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # PGM for a grey image: nothing to compress or decode
    command = ["tesseract", "stdin", "stdout", "--dpi", str(dpi), "--psm", str(psm)]
    command += ["-l", installed(language)]
    if whitelist:
        command += ["-c", f"tessedit_char_whitelist={whitelist}"]
    return parse_hocr(run_tesseract([*command, "hocr"], buffer.getvalue(), "a page"))


def run_tesseract(command: list[str], image: bytes, what: str) -> str:
    """Tesseract's output for ``image`` given on stdin; OcrFailed if it stops or runs over
    ``TIMEOUT`` (``what`` names the work in that message)."""
    try:
        done = subprocess.run(
            command,
            input=image,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            env={**os.environ, **_ENV},
        )
    except subprocess.TimeoutExpired:
        raise OcrFailed(f"{what} took more than {TIMEOUT:g} seconds") from None
    if done.returncode != 0:
        raise OcrFailed(f"Tesseract stopped with status {done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def parse_hocr(text: str) -> list[OcrWord]:
    """The words of Tesseract's hOCR, each with its line's baseline and font size."""
    parser = _Hocr()
    parser.feed(text)
    parser.close()
    return parser.words


class _Hocr(HTMLParser):
    """Reads ``ocr_line`` and ``ocrx_word`` spans; nothing else of the page matters here."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[OcrWord] = []
        self._line: dict[str, list[float]] = {}
        self._lines = 0
        self._word: dict[str, list[float]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        kind, title = names.get("class"), _title(names.get("title") or "")
        if kind == "ocr_line" or kind in ("ocr_caption", "ocr_header", "ocr_textfloat"):
            self._line, self._lines = title, self._lines + 1
        elif kind == "ocrx_word":
            self._word, self._text = title, []

    def handle_data(self, data: str) -> None:
        if self._word is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "span" or self._word is None:
            return
        word, self._word = self._word, None
        text = "".join(self._text).strip()
        if text and len(word.get("bbox", [])) == 4:
            self.words.append(_word(text, word, self._line, self._lines))


def _title(title: str) -> dict[str, list[float]]:
    """``bbox 1 2 3 4; x_wconf 96`` as {"bbox": [1, 2, 3, 4], "x_wconf": [96]}."""
    out = {}
    for part in title.split(";"):
        if not part.split():
            continue
        name, *values = part.split()
        try:
            out[name] = [float(v) for v in values]
        except ValueError:
            continue
    return out


def _word(
    text: str, word: dict[str, list[float]], line: dict[str, list[float]], number: int
) -> OcrWord:
    left, top, right, bottom = (int(v) for v in word["bbox"])
    line_box = line.get("bbox") or word["bbox"]
    slope, offset = (line.get("baseline") or [0.0, 0.0])[:2]
    # hOCR gives the baseline as a slope and an offset from the line box's bottom left.
    middle = (left + right) / 2
    baseline = line_box[3] + offset + slope * (middle - line_box[0])
    size = (line.get("x_size") or [float(bottom - top)])[0]
    confidence = (word.get("x_wconf") or [0.0])[0]
    return OcrWord(text, left, top, right, bottom, confidence, baseline, size, number)
