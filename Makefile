# jrnc — the journey-map compiler. The one build entry:
#   all (default)  build ./jrnc             check      install missing test tools, build, run every suite
#   demo           build and render an example (installs missing build dependencies)
#   install        PREFIX=/usr/local DESTDIR= : bin, stdlib, man page, editors, completions
#   uninstall      remove exactly what install put there
#   sanitize       build/sanitize/jrnc (and the test programs) with ASan + UBSan
#   fuzz           libFuzzer for FUZZ_SECONDS (clang); FUZZ_TARGET=jrnc (default), csv or diff
#   bench          time jrnc against Graphviz's nop and Mermaid's parser; jrnc lsp latency
#   dist           dist/jrnc-VERSION.tar.gz from the files git tracks
#   distcheck      unpack that tarball, build, check, install and uninstall it
#   deps, test-deps  install build / test tools on Debian or Ubuntu
#   clean          remove everything built
# CC, CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS from the environment or the command line are
# honoured (a change of them, or of PREFIX, rebuilds); parallel make (-j) is safe.

VERSION     := 0.1.0
PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
BASH_COMPLETION_DIR ?= $(DATADIR)/bash-completion/completions
ZSH_COMPLETION_DIR  ?= $(DATADIR)/zsh/site-functions
INSTALL     ?= install

CC          ?= cc
CFLAGS      ?= -O2 -g
PKG_CONFIG  ?= pkg-config
BISON       ?= bison
FLEX        ?= flex

BUILD       ?= build/release
PROGRAM     ?= jrnc
GEN         := $(BUILD)/gen
OBJ         := $(BUILD)/obj

# Graphviz's libgvc (with libcgraph) draws -T pictures, SuiteSparse's KLU solves flow's
# chains, libmicrohttpd serves `jrnc serve`'s pages. None is linked: each is loaded by the
# commands that use it (src/library.c), by its soname, read here from the library its
# headers belong to, so the libraries they bring cost no other command their loading.
# soname(library, pkg-config module, fallback): from the module's libdir, else from where
# the compiler would link the library.
soname = $(or $(shell objdump -p $(or $(wildcard $(shell $(PKG_CONFIG) --variable=libdir $(2) 2>/dev/null)/$(1).so),$(shell $(CC) -print-file-name=$(1).so)) 2>/dev/null | awk '$$1 == "SONAME" { print $$2 }'),$(3))
GRAPHVIZ_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcgraph libgvc 2>/dev/null)
GRAPHVIZ_LIBS   := $(shell $(PKG_CONFIG) --libs libcgraph libgvc 2>/dev/null)
GVC_SONAME      := $(call soname,libgvc,libgvc,libgvc.so.6)
# Only the test programs that call libcgraph themselves link it.
CGRAPH_LIBS     := $(shell $(PKG_CONFIG) --libs libcgraph 2>/dev/null)
# Debian's SuiteSparse 5 ships no pkg-config file.
SUITESPARSE_CFLAGS := $(or $(shell $(PKG_CONFIG) --cflags KLU 2>/dev/null),-I/usr/include/suitesparse)
KLU_SONAME         := $(call soname,libklu,KLU,libklu.so.1)
# jansson reads and writes the language server's JSON-RPC messages.
JANSSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null)
JANSSON_LIBS   := $(or $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null),-ljansson)
MHD_CFLAGS := $(shell $(PKG_CONFIG) --cflags libmicrohttpd 2>/dev/null)
MHD_LIBS   := $(shell $(PKG_CONFIG) --libs libmicrohttpd 2>/dev/null)
MHD_SONAME := $(call soname,libmicrohttpd,libmicrohttpd,libmicrohttpd.so.12)
# Without them nothing compiles: say so once, plainly, instead of a missing-header error.
ifeq ($(filter clean deps test-deps demo check dist uninstall,$(MAKECMDGOALS)),)
ifeq ($(GRAPHVIZ_LIBS),)
$(error $(PKG_CONFIG) finds no libcgraph/libgvc: run 'make deps' (Debian, Ubuntu) or install Graphviz's development files and pkg-config)
endif
ifeq ($(MHD_LIBS),)
$(error $(PKG_CONFIG) finds no libmicrohttpd: run 'make deps' (Debian, Ubuntu) or install libmicrohttpd's development files)
endif
endif

# Flags every object gets; warnings are errors.
JRN_CPPFLAGS := -Iinclude -I$(GEN) -D_XOPEN_SOURCE=700 \
                -DJRN_VERSION='"$(VERSION)"' \
                -DJRN_STDLIB_INSTALL_DIR='"$(DATADIR)/jrnc/stdlib"' \
                $(GRAPHVIZ_CFLAGS) $(SUITESPARSE_CFLAGS) $(JANSSON_CFLAGS) $(MHD_CFLAGS)
# What the files that load a library (library.h) look for.
LOADING_SOURCES := src/render_graph.c src/flow_chain.c src/serve_http.c
LIBRARY_SONAMES := -DJRN_GVC_SONAME='"$(GVC_SONAME)"' -DJRN_KLU_SONAME='"$(KLU_SONAME)"' \
                   -DJRN_MHD_SONAME='"$(MHD_SONAME)"'
# ... and in jrnc as a machine without them runs it (tests/suites/libraries.sh).
ABSENT_SONAMES  := -DJRN_GVC_SONAME='"libjrnc-absent-gvc.so.6"' -DJRN_KLU_SONAME='"libjrnc-absent-klu2.so.1"' \
                   -DJRN_MHD_SONAME='"libjrnc-absent-mhd.so.12"'
JRN_WARNINGS := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
# flex and bison output is not ours: the same warnings, less what their skeletons trip.
GEN_WARNINGS := -std=c11 -Wall -Wextra -Werror -Wno-unused-function -Wno-sign-compare \
                -Wno-unused-parameter

SOURCES     := $(wildcard src/*.c)
OBJECTS     := $(patsubst src/%.c,$(OBJ)/%.o,$(SOURCES)) $(OBJ)/journey.tab.o $(OBJ)/journey.lex.o
LIB_OBJECTS := $(filter-out $(OBJ)/main.o,$(OBJECTS))

.PHONY: all check check-built demo deps test-deps install uninstall sanitize bench fuzz dist distcheck clean
.DEFAULT_GOAL := all

all: $(PROGRAM)

# The compiler, flags and install folders of the last build of $(BUILD): objects depend on
# this file, so `make CFLAGS=-O0` or `make PREFIX=/usr` after a plain `make` rebuilds
# instead of mixing flags. `make install` with another PREFIX than the build's keeps the
# binary as built (an installed jrnc finds its stdlib relative to itself).
BUILD_SETTINGS := $(CC) $(JRN_CPPFLAGS) $(CPPFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) $(EXTRA_LDFLAGS) $(LDFLAGS) $(LDLIBS) $(CGRAPH_LIBS) $(JANSSON_LIBS) $(LIBRARY_SONAMES) $(ABSENT_SONAMES)
SETTINGS_FILE  := $(BUILD)/settings
ifeq ($(filter install uninstall clean dist distcheck,$(MAKECMDGOALS)),)
ifneq ($(file <$(SETTINGS_FILE)),$(BUILD_SETTINGS))
$(shell mkdir -p $(BUILD))
$(file >$(SETTINGS_FILE),$(BUILD_SETTINGS))
endif
endif
$(SETTINGS_FILE):
	$(shell mkdir -p $(BUILD))$(file >$@,$(BUILD_SETTINGS))

$(PROGRAM): $(OBJECTS) $(SETTINGS_FILE)
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(EXTRA_LDFLAGS) $(LDFLAGS) -o $@ $(OBJECTS) $(JANSSON_LIBS) $(LDLIBS) -lm

# bison and flex each write two files in one run: one file is the target and the other
# depends on it, so parallel make never runs the generator twice at once.
$(GEN)/journey.tab.c: grammar/journey.y
	@mkdir -p $(GEN)
	$(BISON) -Wall -Werror -Wcex --defines=$(GEN)/journey.tab.h -o $(GEN)/journey.tab.c $<
$(GEN)/journey.tab.h: $(GEN)/journey.tab.c
	@test -f $@ || { rm -f $<; $(MAKE) --no-print-directory $<; }

$(GEN)/journey.lex.c: grammar/journey.l
	@mkdir -p $(GEN)
	$(FLEX) --header-file=$(GEN)/journey.lex.h -o $(GEN)/journey.lex.c $<
$(GEN)/journey.lex.h: $(GEN)/journey.lex.c
	@test -f $@ || { rm -f $<; $(MAKE) --no-print-directory $<; }

# Every object may include the generated headers: build them first.
$(OBJ)/%.o: src/%.c $(SETTINGS_FILE) | $(GEN)/journey.tab.h $(GEN)/journey.lex.h
	@mkdir -p $(OBJ)
	$(CC) $(JRN_CPPFLAGS) $(LIBRARY_SONAMES) $(CPPFLAGS) $(JRN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c -o $@ $<

# jrnc where Graphviz's libgvc, KLU and libmicrohttpd cannot be loaded: the files that load
# them built to look for sonames no machine has.
ABSENT_OBJECTS := $(patsubst src/%.c,$(OBJ)/absent/%.o,$(LOADING_SOURCES))
$(OBJ)/absent/%.o: src/%.c $(SETTINGS_FILE) | $(GEN)/journey.tab.h $(GEN)/journey.lex.h
	@mkdir -p $(OBJ)/absent
	$(CC) $(JRN_CPPFLAGS) $(ABSENT_SONAMES) $(CPPFLAGS) $(JRN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/jrnc-without-libraries: $(filter-out $(patsubst src/%.c,$(OBJ)/%.o,$(LOADING_SOURCES)),$(OBJECTS)) $(ABSENT_OBJECTS)
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(EXTRA_LDFLAGS) $(LDFLAGS) -o $@ $^ $(JANSSON_LIBS) $(LDLIBS) -lm

# The generated scanner and parser include parse_context.h, ast.h and what they include: a changed
# header must rebuild them (a stale scanner reads an old parse context and crashes). -MMD
# tracks that from now on; the headers listed here also catch objects built before it.
GEN_HEADERS := $(wildcard include/jrn/*.h)
$(OBJ)/journey.tab.o: $(GEN)/journey.tab.c $(GEN)/journey.lex.h $(GEN_HEADERS) $(SETTINGS_FILE)
	@mkdir -p $(OBJ)
	$(CC) $(JRN_CPPFLAGS) $(CPPFLAGS) $(GEN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c -o $@ $<

$(OBJ)/journey.lex.o: $(GEN)/journey.lex.c $(GEN)/journey.tab.h $(GEN_HEADERS) $(SETTINGS_FILE)
	@mkdir -p $(OBJ)
	$(CC) $(JRN_CPPFLAGS) $(CPPFLAGS) $(GEN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c -o $@ $<

-include $(wildcard $(OBJ)/*.d $(OBJ)/absent/*.d)

# Installs flex, bison, Graphviz and pkg-config where they are missing (Debian/Ubuntu).
deps:
	@sh .ci/install-build-deps

# Installs what the test suites' real tools need (vim, emacs, node packages, chromium...)
# where they are missing: `make check` runs it first, so a fresh machine runs every suite.
test-deps: deps
	@for script in tests/deps/*.sh; do [ "$${script##*/}" = lib.sh ] || bash "$$script" || exit 1; done

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p build/demo
	./$(PROGRAM) examples/acme_post_sales.jrn > build/demo/acme_post_sales.dot
	dot -Tsvg build/demo/acme_post_sales.dot > build/demo/acme_post_sales.svg
	./$(PROGRAM) -f html examples/acme_post_sales.jrn -o build/demo/acme_post_sales.html
	./$(PROGRAM) check examples/*.jrn
	@echo
	@echo "jrnc compiled examples/acme_post_sales.jrn:"
	@echo "  DOT:    build/demo/acme_post_sales.dot"
	@echo "  SVG:    build/demo/acme_post_sales.svg    (open it in a browser)"
	@echo "  report: build/demo/acme_post_sales.html   (open it in a browser)"

SANITIZE_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# The sanitizers' runtimes linked into the program: make check starts it thousands of
# times, and linked as shared libraries they are relocated at every start and libubsan's
# 6 MB of globals are scanned by LeakSanitizer at every exit.
SANITIZE_LINK_FLAGS := -static-libasan -static-libubsan

# The same program (and the test programs that link it) built with AddressSanitizer and
# UndefinedBehaviorSanitizer.
sanitize:
	@$(MAKE) --no-print-directory BUILD=build/sanitize PROGRAM=build/sanitize/jrnc \
	    CFLAGS="-O1 -g" EXTRA_CFLAGS="$(SANITIZE_FLAGS)" EXTRA_LDFLAGS="$(SANITIZE_LINK_FLAGS)" build/sanitize/jrnc build/sanitize/references_check \
	    build/sanitize/jrnc-without-libraries

# Speed against Graphviz's nop and Mermaid's parser on generated 1k/10k/100k maps; the
# language server's latency on a 2,000-touchpoint map.
bench: all
	@command -v nop >/dev/null || sh .ci/install-build-deps
	@[ -d tests/bench/node_modules/mermaid ] || npm ci --prefix tests/bench --no-audit --no-fund
	python3 tests/bench/bench.py
	python3 tests/bench/layout.py
	python3 tests/bench/lsp_latency.py
	python3 tests/bench/site.py

# libFuzzer (clang) for FUZZ_SECONDS over one target, FUZZ_TARGET:
#   jrnc  a map through the whole pipeline (tests/fuzz/fuzz_jrnc.c)
#   csv   a --data CSV file against examples/acme_post_sales.jrn (tests/fuzz/fuzz_csv.c)
#   diff  two maps separated by a line "==> new <==" through jrnc diff (tests/fuzz/fuzz_diff.c)
# The corpus is seeded from the tree's own inputs and the target's saved regressions; new
# crashes land in build/fuzz/ as crash-* files: keep each in the target's regressions
# folder (tests/fuzz/regressions/ for jrnc, tests/fuzz/regressions-TARGET/ otherwise),
# which tests/suites/fuzz-regressions.sh replays.
FUZZ_SECONDS ?= 60
FUZZ_TARGET  ?= jrnc
FUZZ_FLAGS   := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_CORPUS  := build/fuzz/corpus-$(FUZZ_TARGET)
FUZZ_DICT_jrnc := tests/fuzz/jrn.dict
FUZZ_DICT_csv  := tests/fuzz/csv.dict
FUZZ_DICT_diff := tests/fuzz/jrn.dict

fuzz:
	@case "$(FUZZ_TARGET)" in jrnc|csv|diff) ;; \
	    *) echo "make fuzz: FUZZ_TARGET is jrnc, csv or diff, not '$(FUZZ_TARGET)'" >&2; exit 2 ;; esac
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS="-O1 -g" \
	    EXTRA_CFLAGS="$(FUZZ_FLAGS)" build/fuzz/fuzz_$(FUZZ_TARGET)
	@mkdir -p $(FUZZ_CORPUS)
	@sh tests/fuzz/seed.sh $(FUZZ_TARGET) $(FUZZ_CORPUS)
	cd build/fuzz && ./fuzz_$(FUZZ_TARGET) -dict=../../$(FUZZ_DICT_$(FUZZ_TARGET)) -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 -rss_limit_mb=4096 corpus-$(FUZZ_TARGET)

FUZZ_LINK := $(JRN_CPPFLAGS) $(JRN_WARNINGS) $(CFLAGS) -DJRN_FUZZ_STDLIB='"$(CURDIR)/stdlib"' -fsanitize=fuzzer,address,undefined

$(BUILD)/fuzz_jrnc: $(LIB_OBJECTS) tests/fuzz/fuzz_jrnc.c tests/fuzz/fuzz_file.h tests/dot/agwrite_copy.c tests/dot/agwrite_copy.h
	$(CC) $(FUZZ_LINK) -o $@ tests/fuzz/fuzz_jrnc.c tests/dot/agwrite_copy.c \
	    $(LIB_OBJECTS) $(CGRAPH_LIBS) $(JANSSON_LIBS) -lm

$(BUILD)/fuzz_csv: $(LIB_OBJECTS) tests/fuzz/fuzz_csv.c tests/fuzz/fuzz_file.h
	$(CC) $(FUZZ_LINK) -DJRN_FUZZ_MAP='"$(CURDIR)/examples/acme_post_sales.jrn"' -o $@ tests/fuzz/fuzz_csv.c \
	    $(LIB_OBJECTS) $(JANSSON_LIBS) -lm

$(BUILD)/fuzz_diff: $(LIB_OBJECTS) tests/fuzz/fuzz_diff.c
	$(CC) $(FUZZ_LINK) -o $@ tests/fuzz/fuzz_diff.c $(LIB_OBJECTS) $(JANSSON_LIBS) -lm

# Holds the DOT writer to Graphviz's agwrite (tests/suites/dot-oracle.sh).
$(BUILD)/agwrite_oracle: $(LIB_OBJECTS) tests/dot/agwrite_oracle.c tests/dot/agwrite_copy.c tests/dot/agwrite_copy.h
	$(CC) $(JRN_CPPFLAGS) $(JRN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -DJRN_ORACLE_STDLIB='"$(CURDIR)/stdlib"' \
	    -o $@ tests/dot/agwrite_oracle.c tests/dot/agwrite_copy.c $(LIB_OBJECTS) $(CGRAPH_LIBS) $(JANSSON_LIBS) -lm

# Holds the model's references to their spans and targets (tests/suites/references.sh),
# built plain and with the sanitizers.
$(BUILD)/references_check: $(LIB_OBJECTS) tests/model/references_check.c
	$(CC) $(JRN_CPPFLAGS) $(JRN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -DJRN_CHECK_STDLIB='"$(CURDIR)/stdlib"' \
	    $(EXTRA_LDFLAGS) -o $@ tests/model/references_check.c $(LIB_OBJECTS) $(JANSSON_LIBS) -lm

# Every suite, then again under the sanitizers (suites marked "runner: once" run once),
# after installing whatever the suites need that the machine lacks.
check: test-deps
	@$(MAKE) --no-print-directory check-built

check-built: all sanitize $(BUILD)/agwrite_oracle $(BUILD)/references_check $(BUILD)/jrnc-without-libraries
	@JRNC_SANITIZE=build/sanitize/jrnc tests/run.sh

# What install puts under $(DATADIR)/jrnc, listed from this tree (uninstall removes the
# same list): the standard library, the editor support, without build leftovers, and the
# lint rule catalogue the language server links each finding to (beside stdlib, as here).
JRN_DATA_DIR  := $(DATADIR)/jrnc
STDLIB_FILES  := $(sort $(shell find stdlib -type f 2>/dev/null))
DOC_FILES     := docs/lint-rules.md
EDITOR_FILES  := $(sort $(shell find editors -type f ! -name '*.elc' ! -path '*/node_modules/*' 2>/dev/null))
INSTALLED_BIN := $(DESTDIR)$(BINDIR)/jrnc
INSTALLED_MAN := $(DESTDIR)$(MANDIR)/man1/jrnc.1
INSTALLED_BASH_COMPLETION := $(DESTDIR)$(BASH_COMPLETION_DIR)/jrnc
INSTALLED_ZSH_COMPLETION  := $(DESTDIR)$(ZSH_COMPLETION_DIR)/_jrnc

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASH_COMPLETION_DIR) $(DESTDIR)$(ZSH_COMPLETION_DIR)
	$(INSTALL) -m 755 $(PROGRAM) $(INSTALLED_BIN)
	$(INSTALL) -m 644 docs/jrnc.1 $(INSTALLED_MAN)
	$(INSTALL) -m 644 editors/shell/jrnc.bash $(INSTALLED_BASH_COMPLETION)
	$(INSTALL) -m 644 editors/shell/_jrnc $(INSTALLED_ZSH_COMPLETION)
	@for file in $(STDLIB_FILES) $(DOC_FILES) $(EDITOR_FILES); do \
	    echo "$(INSTALL) -m 644 $$file $(DESTDIR)$(JRN_DATA_DIR)/$$file"; \
	    $(INSTALL) -d "$(DESTDIR)$(JRN_DATA_DIR)/$${file%/*}" && \
	    $(INSTALL) -m 644 "$$file" "$(DESTDIR)$(JRN_DATA_DIR)/$$file" || exit 1; \
	done

# Folders are removed only under $(DATADIR)/jrnc, and only when empty: bin/, man1/ and the
# completion folders are shared with other programs.
uninstall:
	rm -f $(INSTALLED_BIN) $(INSTALLED_MAN) $(INSTALLED_BASH_COMPLETION) $(INSTALLED_ZSH_COMPLETION)
	@for file in $(STDLIB_FILES) $(DOC_FILES) $(EDITOR_FILES); do \
	    rm -f "$(DESTDIR)$(JRN_DATA_DIR)/$$file" || exit 1; \
	done
	@if [ -d "$(DESTDIR)$(JRN_DATA_DIR)" ]; then \
	    find "$(DESTDIR)$(JRN_DATA_DIR)" -depth -type d -empty -exec rmdir {} \; ; \
	fi

DIST_NAME    := jrnc-$(VERSION)
DIST_DIR     ?= dist
DIST_TARBALL := $(DIST_DIR)/$(DIST_NAME).tar.gz

# The files git tracks, as they are in the work tree, in a reproducible tarball.
dist:
	@git rev-parse --is-inside-work-tree >/dev/null 2>&1 || \
	    { echo "make dist: needs a git work tree (it packs the files git tracks)" >&2; exit 2; }
	@mkdir -p $(DIST_DIR)
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/jrnc-dist.XXXXXX") && \
	trap 'rm -rf "$$scratch"' EXIT && \
	mkdir "$$scratch/$(DIST_NAME)" && \
	git ls-files -z | xargs -0 cp -P --parents -t "$$scratch/$(DIST_NAME)" && \
	tar -C "$$scratch" --sort=name --owner=0 --group=0 --numeric-owner \
	    --mtime="@$$(git log -1 --format=%ct 2>/dev/null || echo 0)" \
	    -czf $(DIST_TARBALL) $(DIST_NAME)
	@echo "$(DIST_TARBALL)"

# The tarball builds, passes its tests, installs and uninstalls cleanly on its own.
distcheck: dist
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/jrnc-distcheck.XXXXXX") && \
	trap 'rm -rf "$$scratch"' EXIT && \
	tar -C "$$scratch" -xzf $(DIST_TARBALL) && \
	cd "$$scratch/$(DIST_NAME)" && \
	$(MAKE) --no-print-directory check && \
	$(MAKE) --no-print-directory install DESTDIR="$$scratch/stage" PREFIX=/opt/jrnc && \
	(cd / && "$$scratch/stage/opt/jrnc/bin/jrnc" check "$$scratch/$(DIST_NAME)/examples/acme_post_sales.jrn") && \
	$(MAKE) --no-print-directory uninstall DESTDIR="$$scratch/stage" PREFIX=/opt/jrnc && \
	left=$$(find "$$scratch/stage" ! -type d) && \
	if [ -n "$$left" ]; then echo "distcheck: uninstall left: $$left" >&2; exit 1; fi && \
	echo "distcheck: $(DIST_TARBALL) builds, passes make check, installs and uninstalls"

clean:
	rm -rf build $(PROGRAM)
