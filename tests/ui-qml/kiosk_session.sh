#!/usr/bin/env bash
# The real massho-kiosk in its real session: under cage (wlroots' headless backend, no display
# needed), as the unprivileged user USER, against the bus at BUS (the private one masshod serves);
# kiosk_session_login.py logs in over AT-SPI, presses the card's Erase and walks the erase
# wizard until the erasure's job shows. Run as root by
# kiosk_session_test.cpp, which starts masshod and attaches the medium.
#
#   kiosk_session.sh KIOSK USER BUS LOGIN PASSWORD DEVICE OUTDIR
#
# OUTDIR receives the kiosk's log and, with grim, screen.png.
set -euo pipefail
kiosk=$1 user=$2 bus=$3 login=$4 password=$5 device=$6 out=$7
here=$(cd "$(dirname "$0")" && pwd)

run=$(mktemp -d /tmp/massho-kiosk-session.XXXXXX)
trap 'rm -rf "$run"' EXIT
# The kiosk from a folder USER can read (the build tree may not be), its runtime folder USER's own.
install -m 0755 "$kiosk" "$run/massho-kiosk"
install -m 0755 "$here/kiosk_session_login.py" "$run/login.py"
mkdir -p "$run/xdg" "$run/out" "$out"
chown -R "$user:" "$run"
chmod 0700 "$run/xdg"

# cage refuses to run as root; dbus-run-session gives the session bus that AT-SPI's own bus is
# activated from. The kiosk talks to masshod on "the system bus": here, BUS.
status=0
setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups \
  env -i PATH=/usr/bin:/bin HOME="$run" XDG_RUNTIME_DIR="$run/xdg" DBUS_SYSTEM_BUS_ADDRESS="$bus" \
  LOGIN="$login" PASSWORD="$password" DEVICE="$device" OUT="$run/out" RUN="$run" \
  dbus-run-session -- bash -c '
    set -u
    export WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_XWAYLAND=/bin/false
    export QT_QPA_PLATFORM=wayland QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
    export QT_QUICK_BACKEND=software QT_QUICK_CONTROLS_STYLE=Basic
    # -r -r: the output turned 180°, so that cage composes every frame and grim sees it
    cage -d -r -r -- "$RUN/massho-kiosk" >"$OUT/kiosk.log" 2>&1 &
    cage=$!
    for _ in $(seq 200); do [ -S "$XDG_RUNTIME_DIR/wayland-0" ] && break; sleep 0.05; done
    status=0
    /usr/bin/python3 "$RUN/login.py" "$LOGIN" "$PASSWORD" "$DEVICE" 20 || status=$?
    kiosk=$(pgrep -P $cage || true)
    if [ -n "$kiosk" ]; then
      echo "massho-kiosk ran as: $(ps -o user= -p $kiosk)"
      command -v grim >/dev/null && WAYLAND_DISPLAY=wayland-0 grim "$OUT/screen.png" || true
      kill $kiosk
    else
      echo "massho-kiosk is not running (see kiosk.log)"; status=1
    fi
    wait $cage || true
    exit $status' || status=$?
cp -r "$run/out/." "$out/"
exit $status
