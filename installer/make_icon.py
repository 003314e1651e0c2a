"""Draw the swdesk icon: ``resources/icons/swdesk.png`` (256 px) and ``resources/icons/swdesk.ico``.

The generated files are committed, so a build does not need Pillow; run this again only to change the
icon: ``.venv/bin/python installer/make_icon.py``. The picture is drawn at 4× size and scaled down, which
is the cheap way to get smooth edges from Pillow's drawing functions (they do not anti-alias).

The motif: two people (a social worker and a client) on a dark blue tile with a light "desk" line — it
still reads at 16 × 16 px in the taskbar, where letters would not.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
# The sizes Windows picks from for the taskbar, Start menu, Explorer views and the installer.
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]

TILE = (31, 78, 121, 255)  # #1F4E79, the header blue of the PDF documents
PERSON_LIGHT = (255, 255, 255, 255)
PERSON_WARM = (244, 177, 131, 255)  # the warm orange of the charts, lightened
DESK = (221, 228, 238, 255)  # #DDE4EE, the table header colour


def draw(size: int = 256, scale: int = 4) -> Image.Image:
    """The icon as an RGBA image of ``size`` × ``size`` pixels."""
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        # coordinates on a 0..100 grid, so the drawing does not depend on the size
        return (round(x0 * big / 100), round(y0 * big / 100), round(x1 * big / 100), round(y1 * big / 100))

    pen.rounded_rectangle(box(2, 2, 98, 98), radius=round(big * 0.18), fill=TILE)
    # the person on the left: head and shoulders
    pen.ellipse(box(17, 20, 41, 44), fill=PERSON_LIGHT)
    pen.pieslice(box(9, 47, 49, 87), start=180, end=360, fill=PERSON_LIGHT)
    # the person on the right, a little smaller and warmer
    pen.ellipse(box(61, 27, 81, 47), fill=PERSON_WARM)
    pen.pieslice(box(53, 51, 89, 87), start=180, end=360, fill=PERSON_WARM)
    # the desk between them
    pen.rounded_rectangle(box(8, 68, 92, 78), radius=round(big * 0.02), fill=DESK)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    image = draw(256)
    image.save(ICON_DIR / "swdesk.png", optimize=True)
    # Pillow scales the 256 px image down for each size of the .ico.
    image.save(ICON_DIR / "swdesk.ico", sizes=ICO_SIZES)
    for name in ("swdesk.png", "swdesk.ico"):
        print(ICON_DIR / name, (ICON_DIR / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
