#!/usr/bin/env python3
"""The boot test's hands and eyes on the QEMU guest (tests/package/boot_test), over QMP.

  qemu_console.py type QMP_SOCKET LINE...     types each LINE and Enter on the guest's keyboard
  qemu_console.py screen QMP_SOCKET OUT.png   screendump; fails when the screen is (nearly) black
  qemu_console.py powerdown QMP_SOCKET         presses the ACPI power button
  qemu_console.py quit QMP_SOCKET

QMP (docs/interop/qmp-spec.rst in QEMU): one JSON object per line; the greeting, then
qmp_capabilities, then commands; asynchronous events may come between a command and its return.
"""
import json
import os
import socket
import struct
import sys
import tempfile
import time
import zlib

# US layout, what QEMU calls each key (qapi/ui.json, QKeyCode).
NAMED = {" ": "spc", ".": "dot", "/": "slash", "-": "minus", ",": "comma", ";": "semicolon",
         "=": "equal", "'": "apostrophe", "\n": "ret"}
SHIFTED = {"_": "minus", "@": "2", "!": "1", "#": "3", "$": "4", "%": "5", "^": "6", "&": "7",
           "*": "8", "(": "9", ")": "0", ":": "semicolon", "+": "equal", "?": "slash"}


def keys_for(ch):
    if ch.islower() or ch.isdigit():
        return [ch]
    if ch.isupper():
        return ["shift", ch.lower()]
    if ch in NAMED:
        return [NAMED[ch]]
    if ch in SHIFTED:
        return ["shift", SHIFTED[ch]]
    raise SystemExit(f"qemu_console: no key for {ch!r}")


class Qmp:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.file = self.sock.makefile("rw", encoding="utf-8", newline="\n")
        json.loads(self.file.readline())  # the greeting
        self.call("qmp_capabilities")

    def call(self, command, **arguments):
        self.file.write(json.dumps({"execute": command, "arguments": arguments}) + "\n")
        self.file.flush()
        while True:
            reply = json.loads(self.file.readline())
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise SystemExit(f"qemu_console: {command}: {reply['error'].get('desc')}")
            # an event: not ours


def type_lines(qmp, lines):
    for line in lines:
        for ch in line + "\n":
            qmp.call("send-key", keys=[{"type": "qcode", "data": k} for k in keys_for(ch)])
            time.sleep(0.08)  # a guest under TCG reads its keyboard slowly


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:  # "P6", width, height, maxval, separated by whitespace
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b"P6" or fields[3] != b"255":
        raise SystemExit(f"qemu_console: {path} is not an 8-bit P6 PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1:pos + 1 + width * height * 3]


def write_png(path, width, height, rgb):
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    rows = b"".join(b"\0" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def screen(qmp, png):
    with tempfile.TemporaryDirectory() as tmp:
        ppm = os.path.join(tmp, "screen.ppm")
        qmp.call("screendump", filename=ppm)
        for _ in range(50):  # written by QEMU's main loop, maybe after the reply
            if os.path.exists(ppm) and os.path.getsize(ppm) > 0:
                break
            time.sleep(0.1)
        time.sleep(0.5)
        width, height, rgb = read_ppm(ppm)
    write_png(png, width, height, rgb)
    pixels = width * height
    lit = sum(1 for i in range(0, len(rgb), 3) if max(rgb[i], rgb[i + 1], rgb[i + 2]) > 8)
    colours = len({rgb[i:i + 3] for i in range(0, len(rgb), 3 * 7)})
    print(f"screen {width}x{height}: {100 * lit / pixels:.1f}% of the pixels not black, "
          f"{colours} colours (sampled) -> {png}")
    # The kiosk's screens: a dark blue-grey background (Theme.qml, #101418, not black), cards,
    # text and the yellow accent. A screen left black or one flat colour fails.
    return 0 if lit > pixels // 2 and colours >= 8 else 1


def main(argv):
    if len(argv) < 3 or argv[1] not in ("type", "screen", "powerdown", "quit"):
        print(__doc__, file=sys.stderr)
        return 2
    qmp = Qmp(argv[2])
    if argv[1] == "type":
        type_lines(qmp, argv[3:])
        return 0
    if argv[1] == "screen":
        return screen(qmp, argv[3])
    qmp.call("system_powerdown" if argv[1] == "powerdown" else "quit")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
