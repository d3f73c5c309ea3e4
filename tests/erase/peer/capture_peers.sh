#!/bin/sh
# Reference encodings: runs hdparm 9.65, sg3_utils 1.46 and nvme-cli 2.4 against a loop device
# with ioctl_capture.so preloaded and prints every SG_IO CDB / NVMe admin command they send.
# The byte-exact tests (sanitize_command_test.cpp) hold the output recorded in peer_captures.txt.
# Needs root and the packages hdparm, sg3-utils, nvme-cli. Nothing reaches a real drive: the shim
# answers every SG_IO and NVMe ioctl itself.
set -eu
here=$(dirname "$0")
work=$(mktemp -d)
trap 'losetup -d "$dev" 2>/dev/null || true; rm -rf "$work"' EXIT
cc -shared -fPIC -o "$work/capture.so" "$here/ioctl_capture.c" -ldl
truncate -s 64M "$work/disk.img"
dev=$(losetup -f --show "$work/disk.img")
y=--yes-i-know-what-i-am-doing
run() {
    echo "== $*" | sed "s|$dev|DEV|g"
    LD_PRELOAD="$work/capture.so" timeout 10 "$@" 2>&1 | grep -E '^(SGIO cdb|SGIO out|NVME)' || true
}
run hdparm --user-master u --security-set-pass p "$dev"
run hdparm $y --user-master u --security-erase p "$dev"
run hdparm $y --user-master u --security-erase-enhanced p "$dev"
run hdparm --user-master u --security-disable p "$dev"
run hdparm -N "$dev"
run hdparm --dco-identify "$dev"
run hdparm $y --sanitize-status "$dev"
run hdparm $y --sanitize-crypto-scramble "$dev"
run hdparm $y --sanitize-block-erase "$dev"
run hdparm $y --sanitize-overwrite hex:00000000 "$dev"
run sg_opcodes --opcode=0x48,2 "$dev"
run sg_requests --progress "$dev"
run nvme id-ctrl "$dev"
run nvme id-ns "$dev"
run nvme format "$dev" --ses=1 --force
run nvme format "$dev" --ses=2 --force
run nvme sanitize "$dev" --sanact=2
run nvme sanitize "$dev" --sanact=3 --owpass=1 --ovrpat=0
run nvme sanitize "$dev" --sanact=4
run nvme sanitize-log "$dev"
