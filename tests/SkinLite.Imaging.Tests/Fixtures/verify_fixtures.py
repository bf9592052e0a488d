#!/usr/bin/python3
"""Checks the fixtures against manifest.json with tools other than the generator's own pixel code:
ImageMagick's -auto-orient must show every patch where the manifest says (so the EXIF orientation and the stored
pixels agree), exiftool must read the metadata the manifest lists, and the PNG headers must be what they claim."""
import io
import json
import os
import struct
import subprocess
import sys

import numpy as np
from PIL import Image

DIR = sys.argv[1]
doc = json.load(open(os.path.join(DIR, "manifest.json")))
cam = doc["camera_metadata"]
fail = []


def check(ok, msg):
    if not ok:
        fail.append(msg)


def upright_pixels(path):
    # ImageMagick, not Pillow: an independent reading of Orientation. -colorspace sRGB turns CMYK naively to RGB.
    png = subprocess.run(["/usr/bin/convert", path, "-auto-orient", "-colorspace", "sRGB", "-depth", "8",
                          "PNG32:-"], check=True, capture_output=True).stdout
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


for e in doc["files"]:
    name, path = e["name"], os.path.join(DIR, e["name"])
    check(os.path.exists(path), name + ": missing")
    meta = json.loads(subprocess.run(["exiftool", "-j", "-n", "-a", "-G1", path], check=True,
                                     capture_output=True).stdout)[0]
    if e["format"] != "heic":
        check((meta.get("File:ImageWidth"), meta.get("File:ImageHeight")) in
              [(e["stored"]["width"], e["stored"]["height"])] or e["format"].startswith("png") or
              e["format"].startswith("webp"), name + ": stored size")
        px = upright_pixels(path)
        check(px.shape[1] == e["upright"]["width"] and px.shape[0] == e["upright"]["height"],
              "%s: upright size %s" % (name, px.shape))
        tol = e.get("jpeg_tolerance", 2)
        for p in e.get("patches", []):
            m = 16
            reg = px[p["y"] + m:p["y"] + p["h"] - m, p["x"] + m:p["x"] + p["w"] - m].reshape(-1, 4)
            rgb = p.get("stored_rgb", p["rgb"]) if name == "icc-wide-gamut.jpg" else p["rgb"]
            if "stored_rgba" in p:
                check((reg[:, 3] == 0).all(), "%s: %s not transparent" % (name, p["name"]))
                continue
            mean = reg[:, :3].mean(axis=0)
            check(np.abs(mean - rgb).max() <= tol, "%s: %s is %s, want %s" % (name, p["name"], mean.round(), rgb))
    else:
        info = subprocess.run(["heif-info", path], check=True, capture_output=True, text=True).stdout
        check("1024x1280" in info, name + ": heif-info size")
    md = e["metadata"]
    has = lambda key: any(k.endswith(":" + key) for k in meta)
    check(("orientation" in md) == has("Orientation"), name + ": Orientation presence")
    if "orientation" in md:
        check(meta.get("IFD0:Orientation") == e["orientation"], name + ": Orientation value")
    check(("gps" in md) == has("GPSLatitude"), name + ": GPS presence")
    if "gps" in md:
        check(abs(meta["GPS:GPSLatitude"] - cam["gps"]["lat"]) < 1e-5, name + ": latitude")
        check(abs(meta["GPS:GPSLongitude"] - cam["gps"]["lon"]) < 1e-5, name + ": longitude")
        check(abs(meta["GPS:GPSAltitude"] - cam["gps"]["alt"]) < 1e-3, name + ": altitude")
    check(("make" in md) == has("Make"), name + ": Make presence")
    check(("serial" in md) == (meta.get("ExifIFD:SerialNumber") == cam["serial"]), name + ": serial")
    check(("datetimeoriginal" in md) == (meta.get("ExifIFD:DateTimeOriginal") == cam["datetimeoriginal"]),
          name + ": DateTimeOriginal")
    check(("xmp" in md) == ("XMP-photoshop:City" in meta), name + ": XMP")
    check(("adobe-app14" in md) == ("Adobe:DCTEncodeVersion" in meta), name + ": Adobe APP14")
    check(any(m.startswith("icc") for m in md) == ("ICC-header:ProfileCMMType" in meta or
                                                  "ICC_Profile:ProfileDescription" in meta or
                                                  "ICC-header:ProfileVersion" in meta), name + ": ICC")
    if e["format"] == "jpeg-progressive":
        check(meta.get("File:EncodingProcess") == 2, name + ": not progressive")
    if e["format"] == "jpeg-cmyk":
        check(meta.get("File:ColorComponents") == 4, name + ": not 4 components")
    if e["format"] == "jpeg-gray":
        check(meta.get("File:ColorComponents") == 1, name + ": not 1 component")
    if e["format"].startswith("png"):
        with open(path, "rb") as f:
            ihdr = f.read(33)
        depth, ctype, interlace = ihdr[24], ihdr[25], ihdr[28]
        want = {"png-rgb16": (16, 2, 0), "png-palette": (2, 3, 0), "png-rgba": (8, 6, 0),
                "png-adam7": (8, 2, 1)}[e["format"]]
        check((depth, ctype, interlace) == want, "%s: IHDR %s, want %s" % (name, (depth, ctype, interlace), want))

listed = {e["name"] for e in doc["files"]}
present = {f for f in os.listdir(DIR) if f not in ("manifest.json", "README.md", "make-fixtures.sh",
                                                  "make_fixtures.py", "verify_fixtures.py")}
check(listed == present, "manifest vs folder: %s" % (listed ^ present))
if fail:
    print("\n".join(fail))
    sys.exit(1)
print("verified %d fixtures" % len(doc["files"]))
