#!/usr/bin/env bash
# Checks that the static release build of `extract` runs without the Swift toolchain
# (README, "Install"):
#
#   scripts/check-static.sh
#
# 1. `ldd` lists no Swift library (libswiftCore, libFoundation, …) for the binary;
# 2. run as root, the binary is copied into an empty chroot that holds nothing but the C
#    libraries `ldd` names (and /proc, bound in, where Linux programs find their arguments),
#    and there it parses a sample and writes JSON, XLSX, HTML and ICS, and compares two plans.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product extract >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --product extract --show-bin-path)/extract
echo "$BIN:"
ldd "$BIN"
if ldd "$BIN" | grep -qi swift; then
    echo "error: the binary links Swift libraries dynamically" >&2
    exit 1
fi
echo "ok: no Swift library needed at run time"
if [[ $(id -u) -ne 0 ]] || ! command -v chroot >/dev/null; then
    echo "(not root: the chroot run is skipped)"
    exit 0
fi
ROOT=$(mktemp -d "${TMPDIR:-/tmp}/planparser-chroot.XXXXXX")
cleanup() { umount "$ROOT/proc" 2>/dev/null || true; rm -rf "$ROOT"; }
trap cleanup EXIT
mkdir -p "$ROOT/bin" "$ROOT/data" "$ROOT/out" "$ROOT/proc"
cp "$BIN" "$ROOT/bin/extract"
for lib in $(ldd "$BIN" | grep -o '/[^ ]*\.so[^ ]*'); do
    mkdir -p "$ROOT$(dirname "$lib")"
    cp -L "$lib" "$ROOT$lib"
done
cp samples/field-bullets.txt samples/diff/plan-2024.txt samples/diff/plan-2025.txt "$ROOT/data/"
mount --bind /proc "$ROOT/proc"
for f in json xlsx html ics; do
    chroot "$ROOT" /bin/extract -o "/out/plan.$f" /data/field-bullets.txt
done
chroot "$ROOT" /bin/extract diff /data/plan-2024.txt /data/plan-2025.txt | tail -n 1 || true
ls -l "$ROOT/out"
echo "ok: runs in a chroot with only $(ldd "$BIN" | grep -c '/') C libraries"
