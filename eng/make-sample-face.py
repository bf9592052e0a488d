#!/usr/bin/env python3
"""Writes samples/face.png: a 1024x1024 drawing of a face (not a photograph).

The emulator analyses any valid image; the sample only has to pass the service's image rules (PNG, 1024-2048 px a
side, under 5 MB) and look like what it stands for. Deterministic: the same bytes on every run, standard library only.
Run from the repository root: python3 eng/make-sample-face.py
"""
import struct
import zlib

SIZE = 1024
BACKGROUND = (222, 232, 240)
SKIN = (224, 172, 138)
SHADOW = (200, 146, 114)
HAIR = (70, 48, 36)
WHITE = (250, 250, 250)
IRIS = (72, 104, 140)
PUPIL = (20, 20, 24)
LIPS = (184, 92, 96)


def inside_ellipse(x, y, cx, cy, rx, ry):
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0


def colour(x, y):
    # Painted back to front: the first test that matches wins.
    for eye_x in (392, 632):
        if inside_ellipse(x, y, eye_x, 470, 16, 16):
            return PUPIL
        if inside_ellipse(x, y, eye_x, 470, 34, 34):
            return IRIS
        if inside_ellipse(x, y, eye_x, 470, 70, 34):
            return WHITE
        if inside_ellipse(x, y, eye_x, 400, 80, 12):
            return HAIR  # eyebrow
    if inside_ellipse(x, y, 512, 700, 110, 34) and not inside_ellipse(x, y, 512, 684, 104, 22):
        return LIPS
    if inside_ellipse(x, y, 512, 590, 26, 60) and x > 512:
        return SHADOW  # the lit side of the nose is left as skin
    if inside_ellipse(x, y, 512, 520, 300, 390):
        return SKIN
    if inside_ellipse(x, y, 512, 430, 350, 380) and y < 520:
        return HAIR
    if inside_ellipse(x, y, 512, 990, 330, 190):
        return SHADOW  # shoulders
    return BACKGROUND


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    rows = bytearray()
    for y in range(SIZE):
        rows.append(0)  # filter: none
        for x in range(SIZE):
            rows.extend(colour(x, y))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)  # 8-bit RGB
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open("samples/face.png", "wb") as out:
        out.write(png)
    print(f"samples/face.png: {SIZE}x{SIZE}, {len(png)} bytes")


if __name__ == "__main__":
    main()
