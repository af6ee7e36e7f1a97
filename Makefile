# Build and install `extract` (see README, "Install").
#
#   make                    release build with the Swift standard library linked in
#   make install            copy it to $(DESTDIR)$(PREFIX)/bin (PREFIX=/usr/local)
#   make uninstall          remove it again
#   make check-static       check that the binary needs no Swift library at run time
#                           (and, as root, that it runs in a chroot without the toolchain)
#   make test               swift test

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SWIFT ?= swift
BUILD_FLAGS = -c release --static-swift-stdlib --product extract

.PHONY: all build install uninstall check-static test

all: build

build:
	$(SWIFT) build $(BUILD_FLAGS)

install: build
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/extract" "$(DESTDIR)$(BINDIR)/extract"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/extract"

check-static:
	scripts/check-static.sh

test:
	$(SWIFT) test
