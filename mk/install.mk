# install.mk — the shared library, its pkg-config file, and the tests that
# install them (issue 16, part 3).
#   make shared          $(BUILD)/libwirecheck.so.$(WC_SOVERSION) and its links
#   make install         also installs the shared library (soname
#                        libwirecheck.so.$(WC_SOMAJOR)) and wirecheck.pc
#   make test-install    installs into a temporary DESTDIR, builds a small C
#                        program with pkg-config against it, runs it on the ZTE
#                        bundle, and checks that only wc_* symbols are exported
#   make test-deb        dpkg-buildpackage -us -uc -b in a copy of the tree, and
#                        the packaged binary on ACCEPTANCE.md (tests/e2e/run)
# The shared library has objects of its own ($(BUILD)/pic/, -fPIC,
# -fvisibility=hidden), so that the command and the static library keep the
# code they had: only what checker/wirecheck.h declares is visible outside it.
.PHONY: shared install-lib uninstall-lib test-install test-deb

WC_SOVERSION := $(shell sed -n 's/^\#define WC_VERSION "\(.*\)"/\1/p' checker/wirecheck.h)
WC_SOMAJOR   := $(firstword $(subst ., ,$(WC_SOVERSION)))
WC_SONAME     = libwirecheck.so.$(WC_SOMAJOR)
PIC_OBJ       = $(LIB_SRC:checker/%.c=$(BUILD)/pic/%.o)
SHLIB         = $(BUILD)/libwirecheck.so.$(WC_SOVERSION)
pkgconfigdir  = $(libdir)/pkgconfig

$(BUILD)/pic/%.o: checker/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEPFLAGS) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden $(PKG_CFLAGS) -c -o $@ $<

$(SHLIB): $(PIC_OBJ) mk/libwirecheck.map
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(WC_SONAME) -Wl,--no-undefined \
	    -Wl,--version-script,mk/libwirecheck.map -o $@ $(PIC_OBJ) $(PKG_LIBS) -lpthread

shared: $(SHLIB)

# The .pc file is written at install time, so that it names the prefix and
# libdir of this installation (a Debian build sets a multiarch libdir).
install-lib: $(SHLIB)
	install -d $(DESTDIR)$(libdir) $(DESTDIR)$(pkgconfigdir)
	install -m 644 $(SHLIB) $(DESTDIR)$(libdir)/libwirecheck.so.$(WC_SOVERSION)
	ln -sf libwirecheck.so.$(WC_SOVERSION) $(DESTDIR)$(libdir)/$(WC_SONAME)
	ln -sf $(WC_SONAME) $(DESTDIR)$(libdir)/libwirecheck.so
	sed -e 's|@prefix@|$(prefix)|' -e 's|@libdir@|$(libdir)|' -e 's|@includedir@|$(includedir)|' \
	    -e 's|@version@|$(WC_SOVERSION)|' mk/wirecheck.pc.in >$(DESTDIR)$(pkgconfigdir)/wirecheck.pc
	chmod 644 $(DESTDIR)$(pkgconfigdir)/wirecheck.pc

uninstall-lib:
	rm -f $(DESTDIR)$(libdir)/libwirecheck.so.$(WC_SOVERSION) $(DESTDIR)$(libdir)/$(WC_SONAME) \
	    $(DESTDIR)$(libdir)/libwirecheck.so $(DESTDIR)$(pkgconfigdir)/wirecheck.pc

install: install-lib
uninstall: uninstall-lib

test-install: all
	@sh tests/install/run "$(MAKE)" $(BUILD)

test-deb:
	@sh tests/install/deb $(BUILD)

TEST_SUITES += test-install
# The package build needs debhelper (tools/deps/test-install.txt installs it).
ifneq ($(wildcard /usr/bin/dh),)
TEST_SUITES += test-deb
endif

-include $(PIC_OBJ:.o=.d)
