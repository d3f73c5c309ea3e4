#!/usr/bin/env python3
"""Independent verifier for a Massho entry proof, written from the specs alone.

Usage: py_verify.py VKEY_FILE ENTRY_FILE PROOF_FILE
Checks: the vkey's key ID (C2SP signed-note), the checkpoint signature (Ed25519 via the Debian
python3-cryptography package), and the inclusion proof (RFC 9162 2.1.3.2) of the entry's exact
bytes. Prints "ok <index> <size>" and exits 0, or prints the problem and exits 1.
"""
import base64
import hashlib
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def fail(message):
    print(message)
    sys.exit(1)


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def main():
    vkey = open(sys.argv[1]).read().strip()
    entry = open(sys.argv[2], "rb").read()
    proof = open(sys.argv[3], "rb").read().decode("utf-8")

    name, key_id_hex, key_b64 = vkey.split("+", 2)
    key = base64.b64decode(key_b64)
    if key[0] != 1 or len(key) != 33:
        fail("not an Ed25519 note key")
    if hashlib.sha256(name.encode() + b"\n" + key).digest()[:4].hex() != key_id_hex:
        fail("vkey key ID mismatch")
    public = Ed25519PublicKey.from_public_bytes(key[1:])

    lines = proof.split("\n")
    if lines[0] != "c2sp.org/tlog-proof@v1":
        fail("not a tlog-proof")
    pos = 1
    if lines[pos].startswith("extra "):
        pos += 1
    index = int(lines[pos][len("index "):])
    pos += 1
    hashes = []
    while lines[pos] != "":
        hashes.append(base64.b64decode(lines[pos]))
        pos += 1
    note = "\n".join(lines[pos + 1:])
    body, _, signatures = note.rpartition("\n\n")
    body += "\n"
    signed = False
    for line in signatures.strip("\n").split("\n"):
        if not line.startswith("\u2014 "):
            fail("bad signature line")
        key_name, sig_b64 = line[2:].split(" ")
        raw = base64.b64decode(sig_b64)
        if key_name == name and raw[:4].hex() == key_id_hex:
            public.verify(raw[4:], body.encode())  # raises on a bad signature
            signed = True
    if not signed:
        fail("checkpoint not signed by the vkey")
    origin, size_text, root_b64 = body.split("\n")[:3]
    if origin != name:
        fail("origin differs from key name")
    size, root = int(size_text), base64.b64decode(root_b64)

    # RFC 9162 2.1.3.2
    if index >= size:
        fail("index beyond tree size")
    fn, sn = index, size - 1
    r = hashlib.sha256(b"\x00" + entry).digest()
    for p in hashes:
        if sn == 0:
            fail("proof too long")
        if fn & 1 or fn == sn:
            r = node(p, r)
            if not fn & 1:
                while fn != 0 and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0 or r != root:
        fail("inclusion proof does not lead to the signed root")
    print("ok %d %d" % (index, size))


if __name__ == "__main__":
    main()
