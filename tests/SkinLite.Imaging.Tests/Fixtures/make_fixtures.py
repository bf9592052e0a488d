#!/usr/bin/python3
"""Writes the committed test images for SkinLite.Imaging (run through make-fixtures.sh, not by CI).

Every image shows one "scene" once it is upright: 1024x1280, mid-grey (128,128,128), with 160x160 solid patches
red top-left, green top-right, blue bottom-left; bottom-right stays grey. A fitter that applies EXIF orientation
correctly therefore puts red top-left. Metadata is added with exiftool so what a file carries is what a camera
writes, not what one library thinks a camera writes.

Usage: make_fixtures.py OUT_DIR TMP_DIR   (Debian's /usr/bin/python3 with python3-pil and python3-numpy)
"""
import json
import os
import subprocess
import sys

import numpy as np
from PIL import Image, ImageCms

OUT, TMP = sys.argv[1], sys.argv[2]
W, H, P = 1024, 1280, 160
GREY, RED, GREEN, BLUE = (128, 128, 128), (255, 0, 0), (0, 255, 0), (0, 0, 255)
CONVERT = "/usr/bin/convert"  # ImageMagick itself: /usr/local/bin/convert may be a stand-in
ICC_WIDE = "/usr/share/color/icc/colord/AdobeRGB1998.icc"  # from the colord package
ICC_SRGB = "/usr/share/color/icc/sRGB.icc"  # from icc-profiles-free

# The one set of camera metadata every "camera" fixture carries (exiftool tag names).
GPS = {"lat": 52.370216, "lon": 4.895168, "alt": 12.5}
CAMERA_TAGS = [
    "-Make=FixtureCam",
    "-Model=FixtureCam Phone 15",
    "-ExifIFD:SerialNumber=FC-0001-TEST",  # tag 0xA431, BodySerialNumber in EXIF 2.3
    "-DateTimeOriginal=2026:05:17 10:42:07",
    "-GPSLatitude=%s" % GPS["lat"], "-GPSLatitudeRef=N",
    "-GPSLongitude=%s" % GPS["lon"], "-GPSLongitudeRef=E",
    "-GPSAltitude=%s" % GPS["alt"], "-GPSAltitudeRef#=0",
]
XMP_TAGS = [
    "-XMP-exif:GPSLatitude=%s" % GPS["lat"], "-XMP-exif:GPSLongitude=%s" % GPS["lon"],
    "-XMP-photoshop:City=Amsterdam", "-XMP-photoshop:Country=Netherlands",
]
CAMERA_META = ["exif", "orientation", "gps", "make", "model", "serial", "datetimeoriginal"]


def scene(w=W, h=H, p=P):
    """The upright scene as an RGB uint8 array (h, w, 3)."""
    a = np.empty((h, w, 3), np.uint8)
    a[:, :] = GREY
    a[:p, :p] = RED
    a[:p, w - p:] = GREEN
    a[h - p:, :p] = BLUE
    return a


def patches(w=W, h=H, p=P, centre=None):
    """Expected patch colours in UPRIGHT coordinates (x, y, w, h, rgb)."""
    out = [
        {"name": "top-left", "x": 0, "y": 0, "w": p, "h": p, "rgb": list(RED)},
        {"name": "top-right", "x": w - p, "y": 0, "w": p, "h": p, "rgb": list(GREEN)},
        {"name": "bottom-left", "x": 0, "y": h - p, "w": p, "h": p, "rgb": list(BLUE)},
        {"name": "bottom-right", "x": w - p, "y": h - p, "w": p, "h": p, "rgb": list(GREY)},
    ]
    if centre:
        out.append(centre)
    return out


def stored_from_upright(up, n):
    """The pixels to STORE so that a viewer applying EXIF Orientation n shows `up` upright.

    For each stored pixel (x, y) we say where it lands in the upright view (u, v), from the EXIF definition of
    the 0th row/column; orientations 5-8 swap width and height."""
    uh, uw = up.shape[:2]
    sw, sh = (uw, uh) if n <= 4 else (uh, uw)
    y, x = np.mgrid[0:sh, 0:sw]
    u, v = {
        1: (x, y),
        2: (sw - 1 - x, y),
        3: (sw - 1 - x, sh - 1 - y),
        4: (x, sh - 1 - y),
        5: (y, x),
        6: (sh - 1 - y, x),
        7: (sh - 1 - y, sw - 1 - x),
        8: (y, sw - 1 - x),
    }[n]
    return np.ascontiguousarray(up[v, u])


def run(*args):
    subprocess.run(list(args), check=True, stdout=subprocess.DEVNULL)


def exiftool(path, tags):
    # -m: exiftool would otherwise warn about nothing here; -overwrite_original keeps no *_original copies.
    run("exiftool", "-q", "-m", "-overwrite_original", *tags, path)


def save_jpeg(arr, name, mode="RGB", **kw):
    path = os.path.join(OUT, name)
    Image.fromarray(arr, "RGB").convert(mode).save(path, "JPEG", quality=kw.pop("quality", 90), **kw)
    return path


manifest = []


def entry(name, fmt, stored, upright, orientation, metadata, outcome, patch_list=None, **extra):
    e = {"name": name, "format": fmt,
         "stored": {"width": stored[0], "height": stored[1]},
         "upright": {"width": upright[0], "height": upright[1]},
         "orientation": orientation, "metadata": metadata, "expected": outcome}
    if patch_list is not None:
        e["patches"] = patch_list
    e.update(extra)
    manifest.append(e)


up = scene()
Image.fromarray(up).save(os.path.join(TMP, "scene.png"))

# orientation-1 .. orientation-8: stored transformed, EXIF orientation n, camera EXIF + XMP location.
for n in range(1, 9):
    name = "orientation-%d.jpg" % n
    st = stored_from_upright(up, n)
    path = save_jpeg(st, name)
    exiftool(path, ["-Orientation#=%d" % n] + CAMERA_TAGS + XMP_TAGS)
    entry(name, "jpeg", (st.shape[1], st.shape[0]), (W, H), n, CAMERA_META + ["xmp"], "fit", patches(),
          jpeg_tolerance=12)

# Progressive JPEG, orientation 6, GPS.
st = stored_from_upright(up, 6)
path = save_jpeg(st, "progressive-rotated-gps.jpg", progressive=True)
exiftool(path, ["-Orientation#=6"] + CAMERA_TAGS)
entry("progressive-rotated-gps.jpg", "jpeg-progressive", (H, W), (W, H), 6, CAMERA_META, "fit", patches(),
      jpeg_tolerance=12)

# CMYK JPEG with Adobe APP14, as Photoshop writes it: Pillow stores CMYK inverted (rawmode CMYK;I) and libjpeg
# adds the Adobe marker (transform 0) for a CMYK image. Naive CMYK->RGB gives the scene colours back.
path = os.path.join(OUT, "cmyk.jpg")
Image.fromarray(up).convert("CMYK").save(path, "JPEG", quality=90)
back = np.asarray(Image.open(path).convert("RGB"))
cm = patches()
for pch in cm:
    region = back[pch["y"] + 20:pch["y"] + pch["h"] - 20, pch["x"] + 20:pch["x"] + pch["w"] - 20]
    pch["rgb_naive_decoded"] = [int(round(c)) for c in region.reshape(-1, 3).mean(axis=0)]
entry("cmyk.jpg", "jpeg-cmyk", (W, H), (W, H), None, ["adobe-app14"], "fit", cm, jpeg_tolerance=16,
      note="patch rgb = the sRGB the scene had; naive (uncalibrated) CMYK->RGB of the file gives rgb_naive_decoded")

# RGB JPEG tagged Adobe RGB (1998): the stored values mean a different colour than in sRGB. A 200x200 centre
# patch of an in-gamut colour lets a test prove the fitter converted to sRGB; expected values come from lcms.
wide = up.copy()
C = 200
cx, cy = (W - C) // 2, (H - C) // 2
CENTRE_STORED = (110, 180, 80)  # in sRGB gamut once converted: (52, 181, 70), no clipping
wide[cy:cy + C, cx:cx + C] = CENTRE_STORED
adobe = ImageCms.getOpenProfile(ICC_WIDE)
srgb = ImageCms.getOpenProfile(ICC_SRGB)
xf = ImageCms.buildTransform(adobe, srgb, "RGB", "RGB", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)
conv = np.asarray(ImageCms.applyTransform(Image.fromarray(wide), xf))
path = os.path.join(OUT, "icc-wide-gamut.jpg")
Image.fromarray(wide).save(path, "JPEG", quality=90, icc_profile=adobe.tobytes())
centre = {"name": "centre", "x": cx, "y": cy, "w": C, "h": C, "rgb": [int(v) for v in conv[H // 2, W // 2]],
          "stored_rgb": list(CENTRE_STORED)}
ip = patches(centre=centre)
for pch in ip[:4]:
    pch["stored_rgb"] = pch["rgb"]
    pch["rgb"] = [int(v) for v in conv[pch["y"] + pch["h"] // 2, pch["x"] + pch["w"] // 2]]
entry("icc-wide-gamut.jpg", "jpeg", (W, H), (W, H), None, ["icc:Adobe RGB (1998)"], "fit", ip, jpeg_tolerance=12,
      note="rgb = expected sRGB after conversion (lcms2, relative colorimetric, from colord's AdobeRGB1998.icc); "
           "stored_rgb = the values in the file. A fitter that ignores the profile leaves the centre at stored_rgb.")

# PNG variants. ImageMagick writes date/time chunks unless told not to, which would make the files differ per run,
# and gAMA/cHRM/bKGD, which make Skia see a (near-sRGB) colour space of its own: these files test decoding only.
NODATE = ["-define", "png:exclude-chunk=date,time,gAMA,cHRM,bKGD", "+set", "date:create", "+set", "date:modify"]
run(CONVERT, os.path.join(TMP, "scene.png"), *NODATE, "-depth", "16", "PNG48:" + os.path.join(OUT, "png16.png"))
entry("png16.png", "png-rgb16", (W, H), (W, H), None, [], "as-is", patches())

pal = np.zeros((H, W), np.uint8)  # index 0 = grey
pal[:P, :P] = 1
pal[:P, W - P:] = 2
pal[H - P:, :P] = 3
pim = Image.fromarray(pal, "P")
pim.putpalette(list(GREY) + list(RED) + list(GREEN) + list(BLUE))
pim.save(os.path.join(OUT, "palette.png"), optimize=False)  # 4 colours: Pillow writes bit depth 2
entry("palette.png", "png-palette", (W, H), (W, H), None, [], "as-is", patches())

rgba = np.dstack([up, np.full((H, W), 255, np.uint8)])
A = 200
ax, ay = (W - A) // 2, (H - A) // 2
rgba[ay:ay + A, ax:ax + A] = (0, 0, 0, 0)  # black AND transparent: a fitter that drops alpha shows black
Image.fromarray(rgba, "RGBA").save(os.path.join(OUT, "alpha.png"))
entry("alpha.png", "png-rgba", (W, H), (W, H), None, [], "fit",
      patches(centre={"name": "centre", "x": ax, "y": ay, "w": A, "h": A, "rgb": [255, 255, 255],
                      "stored_rgba": [0, 0, 0, 0]}),
      note="centre is fully transparent black; flattened on white it must come out white")

run(CONVERT, os.path.join(TMP, "scene.png"), *NODATE, "-interlace", "PNG", "PNG24:" + os.path.join(OUT, "interlaced.png"))
entry("interlaced.png", "png-adam7", (W, H), (W, H), None, [], "as-is", patches())

# Grayscale JPEG: the patches become their luma (Pillow's ITU-R 601 L = R*299/1000 + G*587/1000 + B*114/1000).
save_jpeg(up, "gray.jpg", mode="L")
gp = patches()
for pch in gp:
    r, g, b = pch["rgb"]
    lum = (r * 299 + g * 587 + b * 114) // 1000
    pch["rgb"] = [lum, lum, lum]
entry("gray.jpg", "jpeg-gray", (W, H), (W, H), None, [], "as-is", gp, jpeg_tolerance=12,
      note="one channel; patch colours are luma, so only the grey levels tell the corners apart")

Image.fromarray(up).save(os.path.join(OUT, "scene.webp"), "WEBP", lossless=True)
entry("scene.webp", "webp-lossless", (W, H), (W, H), None, [], "fit", patches())

# HEIC (libheif-examples' heif-enc with x265): a format the fitter must refuse with a clear error.
heic = os.path.join(OUT, "photo.heic")
run("heif-enc", "-q", "40", "-o", heic, os.path.join(TMP, "scene.png"))
entry("photo.heic", "heic", (W, H), (W, H), None, [], "refuse-format", patches())

# Too small whatever the fit: short side 600 < 1024.
sm = scene(800, 600, 94)
save_jpeg(sm, "too-small.jpg")
entry("too-small.jpg", "jpeg", (800, 600), (800, 600), None, [], "refuse-too-small", patches(800, 600, 94))

# Panorama: long side 4096 -> 2048 would leave the short side at 512 < 1024.
pa = scene(4096, 1024, 160)
save_jpeg(pa, "panorama.jpg")
entry("panorama.jpg", "jpeg", (4096, 1024), (4096, 1024), None, [], "refuse-too-small", patches(4096, 1024, 160))

# Passes as is: upright, in bounds, no metadata (Pillow writes only the JFIF APP0, which is not metadata).
save_jpeg(up, "passes-clean.jpg")
entry("passes-clean.jpg", "jpeg", (W, H), (W, H), None, [], "as-is", patches(), jpeg_tolerance=12)

path = save_jpeg(up, "passes-with-gps.jpg")
exiftool(path, ["-Orientation#=1"] + [t for t in CAMERA_TAGS if "SerialNumber" not in t])
entry("passes-with-gps.jpg", "jpeg", (W, H), (W, H), 1,
      ["exif", "orientation", "gps", "make", "model", "datetimeoriginal"], "fit", patches(), jpeg_tolerance=12,
      note="same pixels as passes-clean.jpg; only the metadata must go")

for e in manifest:
    e["bytes"] = os.path.getsize(os.path.join(OUT, e["name"]))

doc = {
    "scene": {"width": W, "height": H, "background": list(GREY), "patch": P,
              "description": "upright: red top-left, green top-right, blue bottom-left, grey bottom-right"},
    "camera_metadata": {"make": "FixtureCam", "model": "FixtureCam Phone 15", "serial": "FC-0001-TEST",
                        "datetimeoriginal": "2026:05:17 10:42:07", "gps": GPS, "xmp_city": "Amsterdam"},
    "outcomes": {"fit": "accepted; output must be changed (metadata, orientation, format or colour)",
                 "as-is": "accepted; already meets the rules",
                 "refuse-too-small": "refused: short side ends below 1024 px",
                 "refuse-format": "refused: unsupported format"},
    "files": manifest,
}
with open(os.path.join(OUT, "manifest.json"), "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")
