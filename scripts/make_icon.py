"""Draw the CountyClear icon (a document with a check mark) and write the PNG and Windows
ICO in resources/icons/. Run once after changing the drawing; the outputs are committed.

    .venv/bin/python scripts/make_icon.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, 248, 248), radius=44, fill=(31, 78, 121, 255))  # court blue
    pen.rounded_rectangle((62, 40, 194, 216), radius=12, fill=(255, 255, 255, 255))  # paper
    for y in (78, 104, 130):
        pen.line((86, y, 170, y), fill=(160, 174, 192, 255), width=8)  # lines of text
    pen.line((82, 168, 114, 198), fill=(46, 125, 50, 255), width=18)  # the check mark
    pen.line((110, 198, 178, 136), fill=(46, 125, 50, 255), width=18)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(OUT / "countyclear.png")
    image.save(OUT / "countyclear.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48),
                                               (64, 64), (128, 128), (256, 256)])
    print(f"wrote {OUT / 'countyclear.png'} and {OUT / 'countyclear.ico'}")


if __name__ == "__main__":
    main()
