#!/usr/bin/env bash
# Builds `extract` in release mode with the Swift standard library linked in and copies it to
# PREFIX/bin (README, "Install"). The same as `make install PREFIX=…`, for machines without make.
#
#   scripts/install.sh [PREFIX]        # default /usr/local; DESTDIR is honoured
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX=${1:-${PREFIX:-/usr/local}}
swift build -c release --static-swift-stdlib --product extract
BIN=$(swift build -c release --static-swift-stdlib --product extract --show-bin-path)/extract
if ldd "$BIN" 2>/dev/null | grep -qi swift; then
    echo "warning: $BIN still links Swift libraries dynamically" >&2
fi
install -d "${DESTDIR:-}$PREFIX/bin"
install -m 755 "$BIN" "${DESTDIR:-}$PREFIX/bin/extract"
echo "installed ${DESTDIR:-}$PREFIX/bin/extract"
