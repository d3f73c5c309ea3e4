#!/bin/sh
# QEMU integration test of the drive commands, software emulation (no KVM needed).
# Builds a guest from Debian's linux-image package (apt-get download + dpkg-deb -x, cached in
# WORK/cache) and a busybox initramfs holding massho_sanitize_guest and its libraries, boots it
# with an emulated NVMe drive and an emulated SATA drive on q35's AHCI, and checks what the guest
# reports. qemu-system-x86 and busybox-static are installed by appliance/tools/install-deps: a
# missing one fails the test (it is never skipped). No KVM is used, so no hardware is needed.
#   run_qemu_test.sh GUEST_BINARY WORK_DIR
set -eu
guest=$1
work=$2
missing() { echo "FAIL: $* is missing: run appliance/tools/install-deps"; exit 1; }
command -v qemu-system-x86_64 >/dev/null || missing "qemu-system-x86_64 (qemu-system-x86)"
busybox=/bin/busybox
file -L "$busybox" 2>/dev/null | grep -q 'statically linked' || missing "a static busybox (busybox-static)"

mkdir -p "$work/cache"
kernel_root="$work/cache/kernel"
if [ ! -d "$kernel_root/boot" ]; then
    pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/{print $2; exit}')
    [ -n "$pkg" ] || { echo "cannot find Debian's linux-image package"; exit 1; }
    (cd "$work/cache" && apt-get download "$pkg" >/dev/null)
    rm -rf "$kernel_root"
    dpkg-deb -x "$work/cache/$pkg"_*.deb "$kernel_root"
fi
vmlinuz=$(ls "$kernel_root"/boot/vmlinuz-* | head -n1)
modules=$(ls -d "$kernel_root"/lib/modules/* | head -n1)

initrd_dir="$work/initrd"
rm -rf "$initrd_dir"
mkdir -p "$initrd_dir/bin" "$initrd_dir/modules" "$initrd_dir/dev" "$initrd_dir/proc" \
    "$initrd_dir/sys"
cp "$busybox" "$initrd_dir/bin/busybox"
cp "$guest" "$initrd_dir/bin/guest"
# The guest binary's shared libraries, at the same paths.
for lib in $(ldd "$guest" | awk '/=>/ {print $3} /^\t\// {print $1}'); do
    mkdir -p "$initrd_dir$(dirname "$lib")"
    cp -L "$lib" "$initrd_dir$lib"
done
# The order these modules load in, each after what it needs (some may be built in: skipped).
order="scsi_common scsi_mod crct10dif_common crc-t10dif crc64 crc64-rocksoft t10-pi nvme-core nvme libata libahci ahci sd_mod sg"
for m in $order; do
    f=$(find "$modules/kernel" -name "$m.ko*" | head -n1)
    [ -n "$f" ] || continue
    case "$f" in
        *.xz) xz -dc "$f" > "$initrd_dir/modules/$m.ko" ;;
        *.zst) zstd -qdc "$f" > "$initrd_dir/modules/$m.ko" ;;
        *) cp "$f" "$initrd_dir/modules/$m.ko" ;;
    esac
done
cat > "$initrd_dir/init" <<INIT
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for m in $order; do [ -f /modules/\$m.ko ] && insmod /modules/\$m.ko; done
for i in 1 2 3 4 5 6 7 8 9 10; do
    [ -b /dev/nvme0n1 ] && [ -b /dev/sda ] && break
    sleep 1
done
/bin/guest /dev/nvme0n1 /dev/sda
poweroff -f
INIT
chmod +x "$initrd_dir/init"
(cd "$initrd_dir" && find . | "$busybox" cpio -o -H newc | gzip -1) > "$work/initrd.gz"

truncate -s 0 "$work/nvme.img" "$work/sata.img"
truncate -s 32M "$work/nvme.img"
truncate -s 32M "$work/sata.img"
timeout 600 qemu-system-x86_64 -M q35 -m 512 -nographic -no-reboot \
    -kernel "$vmlinuz" -initrd "$work/initrd.gz" \
    -append "console=ttyS0 panic=-1 libata.force=noncq quiet" \
    -drive file="$work/nvme.img",if=none,id=n0,format=raw -device nvme,serial=MASSHO01,drive=n0 \
    -drive file="$work/sata.img",if=none,id=s0,format=raw -device ide-hd,drive=s0,bus=ide.0 \
    > "$work/console.log" 2>&1 || true
tr -d '\r' < "$work/console.log" | grep -o 'RESULT .*' | sed 's/^RESULT //' > "$work/results.txt" || true

status=0
expect() {  # key, extended regex for the value
    value=$(grep "^$1=" "$work/results.txt" | head -n1 | cut -d= -f2-)
    if echo "$value" | grep -Eq "$2"; then
        echo "ok   $1=$value"
    else
        echo "FAIL $1=$value (expected /$2/)"
        status=1
    fi
}
expect nvme_interface '^nvme$'
expect nvme_oacs_fna_sanicap '^10a/0/0$'
expect nvme_methods '^nvme-format-user-data$'
expect nvme_crypto '^refused: .*does not support nvme-format-crypto'
expect nvme_filled '^yes$'
expect nvme_format_outcome '^erased $'
expect nvme_markers '^16/16$'
expect nvme_content '^8192 zero 0 other$'
expect sata_model 'QEMU HARDDISK'
expect sata_sectors '^65536$'
expect sata_security '^unsupported$'
expect sata_methods '^-$'
expect sata_secure_erase '^refused: .*ATA Security'
expect done '^yes$'
# The host sees the erased image too: all zeros (the guest had filled it with A5h).
if [ "$(tr -d '\0' < "$work/nvme.img" | wc -c)" = 0 ]; then
    echo "ok   nvme.img reads as zeros on the host"
else
    echo "FAIL nvme.img still holds data on the host"
    status=1
fi
if [ $status -ne 0 ]; then
    echo "--- guest console ---"
    tr -d '\r' < "$work/console.log" | tail -n 60
fi
exit $status
