#!/usr/bin/env python3
"""exfat_cat.py IMAGE PARTITION_OFFSET NAME: writes the root directory's file NAME of the exFAT
volume at byte PARTITION_OFFSET of IMAGE to standard output, as a receiver's exFAT driver would
read it. The tests' reader of carry-out media: neither Linux's exfat driver nor FUSE is available
where the tests run, and exfatprogs has no tool that copies a file out. Written from Microsoft's
exFAT specification, independently of image/src/exfat_volume.cpp: it follows the FAT chain unless
the stream says NoFatChain, and refuses an entry set whose SetChecksum or NameHash is wrong (a
driver would not show such a file). Exit 1 with a message on stderr when NAME is not there."""
import struct
import sys


def rotate_sum(data, skip=()):
    s = 0
    for i, b in enumerate(data):
        if i not in skip:
            s = (((s & 1) << 15) + (s >> 1) + b) & 0xFFFF
    return s


def main():
    image, offset, wanted = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(image, "rb") as f:
        f.seek(offset)
        boot = f.read(512)
        if boot[3:11] != b"EXFAT   ":
            sys.exit("exfat_cat: no exFAT boot sector")
        fat_offset, _, heap_offset, cluster_count, root = struct.unpack_from("<IIIII", boot, 80)
        bps = 1 << boot[108]
        cluster = bps << boot[109]

        def cluster_at(c):
            return offset + heap_offset * bps + (c - 2) * cluster

        def next_cluster(c):
            f.seek(offset + fat_offset * bps + 4 * c)
            return struct.unpack("<I", f.read(4))[0]

        def chain(first, length, contiguous):
            clusters, c = [], first
            for _ in range((length + cluster - 1) // cluster):
                clusters.append(c)
                c = c + 1 if contiguous else next_cluster(c)
            return clusters

        # The root directory follows the FAT chain (§ 7: directories always have one).
        entries, c = b"", root
        while 2 <= c < cluster_count + 2:
            f.seek(cluster_at(c))
            entries += f.read(cluster)
            c = next_cluster(c)
        for at in range(0, len(entries), 32):
            kind = entries[at]
            if kind == 0:
                break
            if kind != 0x85:
                continue
            count = entries[at + 1]
            entry_set = entries[at:at + 32 * (count + 1)]
            stream = entry_set[32:64]
            if stream[0] != 0xC0:
                continue
            name_units = b"".join(entry_set[32 * i + 2:32 * i + 32] for i in range(2, count + 1))
            name = name_units.decode("utf-16-le")[:stream[3]]
            if name != wanted:
                continue
            if rotate_sum(entry_set, skip=(2, 3)) != struct.unpack_from("<H", entry_set, 2)[0]:
                sys.exit("exfat_cat: %s: wrong SetChecksum" % name)
            upcased = name.upper().encode("utf-16-le")
            if rotate_sum(upcased) != struct.unpack_from("<H", stream, 4)[0]:
                sys.exit("exfat_cat: %s: wrong NameHash" % name)
            flags, first, length = stream[1], *struct.unpack_from("<IQ", stream, 20)
            valid = struct.unpack_from("<Q", stream, 8)[0]
            left = min(valid, length)
            out = sys.stdout.buffer
            for c in chain(first, length, flags & 0x02):
                f.seek(cluster_at(c))
                while left > 0 and f.tell() < cluster_at(c) + cluster:
                    piece = f.read(min(left, 1 << 20, cluster_at(c) + cluster - f.tell()))
                    if not piece:
                        sys.exit("exfat_cat: %s: the image ends early" % name)
                    out.write(piece)
                    left -= len(piece)
            return
        sys.exit("exfat_cat: no file %s in the root directory" % wanted)


main()
