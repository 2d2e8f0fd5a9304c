"""Office scans of generated AORs: 200 dpi, grey, a little turned, specks, JPEG, image-only PDF."""

from __future__ import annotations

import ctypes
import io
import random
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter

from tests import aor_pdfs
from tests.aor_spec import AorSpec
from tests.aorgen.choices import RandomChoices
from tests.aorgen.draw import draw_spec


@dataclass(frozen=True)
class Scanner:
    """How a scanner (or a fax) spoils a page; every choice comes from ``seed``."""

    dpi: int = 200
    max_degrees: float = 1.5
    noise: float = 8.0  # the grey levels the sensor's noise moves a pixel by
    speckles: int = 300  # dust: dark dots on the page
    quality: int = 75  # JPEG quality
    blur: float = 0.5


def scanned_spec(seed: int) -> AorSpec:
    """An AOR drawn from ``seed`` as a word processor would print one (reportlab's fonts)."""
    return draw_spec(RandomChoices(seed), "reportlab")


def scan(pdf: bytes, seed: int, scanner: Scanner | None = None) -> bytes:
    """``pdf`` printed, scanned and saved as an image-only PDF, as an office copier does."""
    scanner = scanner or Scanner()
    rnd = random.Random(seed)
    # Pillow's effect_noise draws from the C library's rand(): seeded too, a scan is repeatable.
    ctypes.CDLL(None).srand(seed % 2**32)
    document = pdfium.PdfDocument(pdf)
    try:
        if document.get_formtype():
            document.init_forms()  # a fillable AOR's values are drawn by its fields
        images = [
            _spoil(_render(document[i], scanner.dpi), rnd, scanner) for i in range(len(document))
        ]
    finally:
        document.close()
    out = io.BytesIO()
    first, *rest = images
    first.save(out, format="PDF", resolution=scanner.dpi, save_all=True, append_images=rest)
    return out.getvalue()


def scanned_aor(seed: int, scanner: Scanner | None = None) -> tuple[AorSpec, bytes]:
    """A generated AOR and its scan."""
    spec = scanned_spec(seed)
    return spec, scan(aor_pdfs.render(spec), seed, scanner)


def _render(page: pdfium.PdfPage, dpi: int) -> Image.Image:
    bitmap = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True)
    image: Image.Image = bitmap.to_pil().convert("L")
    page.close()
    return image


def _spoil(image: Image.Image, rnd: random.Random, scanner: Scanner) -> Image.Image:
    """Rotated a little, blurred by the optics, grey paper, sensor noise, dust, JPEG."""
    angle = rnd.uniform(-scanner.max_degrees, scanner.max_degrees)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(scanner.blur))
    paper = rnd.randint(225, 245)
    image = image.point(lambda v: int(v * paper / 255))
    if scanner.noise:
        # Noise centred on 128: added with an offset of -128 it moves each pixel up or down.
        noise = Image.effect_noise(image.size, scanner.noise)
        image = ImageChops.add(image, noise, 1.0, -128)
    for _ in range(scanner.speckles):
        x, y = rnd.randrange(image.width), rnd.randrange(image.height)
        image.putpixel((x, y), rnd.randint(0, 90))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=scanner.quality)
    return Image.open(io.BytesIO(out.getvalue()))
