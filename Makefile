# jrnc — the journey-map compiler. The one build entry: all, check, demo, install,
# uninstall, sanitize, bench, fuzz, dist, clean. CC, CFLAGS, CPPFLAGS and LDFLAGS
# from the environment are honoured; parallel make (-j) is safe.

VERSION     := 0.1.0
PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man

CC          ?= cc
CFLAGS      ?= -O2 -g
PKG_CONFIG  ?= pkg-config
BISON       ?= bison
FLEX        ?= flex

BUILD       ?= build/release
PROGRAM     ?= jrnc
GEN         := $(BUILD)/gen
OBJ         := $(BUILD)/obj

GRAPHVIZ_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcgraph libgvc 2>/dev/null)
GRAPHVIZ_LIBS   := $(shell $(PKG_CONFIG) --libs libcgraph libgvc 2>/dev/null)

# Flags every object gets; warnings are errors.
JRN_CPPFLAGS := -Iinclude -I$(GEN) -D_XOPEN_SOURCE=700 \
                -DJRN_VERSION='"$(VERSION)"' \
                -DJRN_STDLIB_INSTALL_DIR='"$(DATADIR)/jrnc/stdlib"' \
                $(GRAPHVIZ_CFLAGS)
JRN_WARNINGS := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
# flex and bison output is not ours: the same warnings, less what their skeletons trip.
GEN_WARNINGS := -std=c11 -Wall -Wextra -Werror -Wno-unused-function -Wno-sign-compare \
                -Wno-unused-parameter

SOURCES     := $(wildcard src/*.c)
OBJECTS     := $(patsubst src/%.c,$(OBJ)/%.o,$(SOURCES)) $(OBJ)/journey.tab.o $(OBJ)/journey.lex.o
LIB_OBJECTS := $(filter-out $(OBJ)/main.o,$(OBJECTS))

.PHONY: all check demo deps test-deps install uninstall sanitize bench fuzz dist clean
.DEFAULT_GOAL := all

all: $(PROGRAM)

$(PROGRAM): $(OBJECTS)
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $(OBJECTS) $(GRAPHVIZ_LIBS) -lm

$(GEN)/journey.tab.c $(GEN)/journey.tab.h: grammar/journey.y
	@mkdir -p $(GEN)
	$(BISON) -Wall -Werror -Wcex --defines=$(GEN)/journey.tab.h -o $(GEN)/journey.tab.c $<

$(GEN)/journey.lex.c $(GEN)/journey.lex.h: grammar/journey.l
	@mkdir -p $(GEN)
	$(FLEX) --header-file=$(GEN)/journey.lex.h -o $(GEN)/journey.lex.c $<

# Every object may include the generated headers: build them first.
$(OBJ)/%.o: src/%.c | $(GEN)/journey.tab.h $(GEN)/journey.lex.h
	@mkdir -p $(OBJ)
	$(CC) $(JRN_CPPFLAGS) $(CPPFLAGS) $(JRN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c -o $@ $<

$(OBJ)/journey.tab.o: $(GEN)/journey.tab.c $(GEN)/journey.lex.h
	@mkdir -p $(OBJ)
	$(CC) $(JRN_CPPFLAGS) $(CPPFLAGS) $(GEN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

$(OBJ)/journey.lex.o: $(GEN)/journey.lex.c $(GEN)/journey.tab.h
	@mkdir -p $(OBJ)
	$(CC) $(JRN_CPPFLAGS) $(CPPFLAGS) $(GEN_WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

-include $(wildcard $(OBJ)/*.d)

# Installs flex, bison, Graphviz and pkg-config where they are missing (Debian/Ubuntu).
deps:
	@sh .ci/install-build-deps

# Installs what the test suite's real tools need (vim, emacs, node packages, chromium...).
test-deps: deps
	@for script in tests/deps/*.sh; do [ -f "$$script" ] && sh "$$script" || exit 1; done

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p build/demo
	./$(PROGRAM) examples/acme_post_sales.jrn > build/demo/acme_post_sales.dot
	dot -Tsvg build/demo/acme_post_sales.dot > build/demo/acme_post_sales.svg
	./$(PROGRAM) check examples/*.jrn
	@echo
	@echo "jrnc compiled examples/acme_post_sales.jrn:"
	@echo "  DOT: build/demo/acme_post_sales.dot"
	@echo "  SVG: build/demo/acme_post_sales.svg   (open it in a browser)"

SANITIZE_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# The same program built with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	@$(MAKE) --no-print-directory BUILD=build/sanitize PROGRAM=build/sanitize/jrnc \
	    CFLAGS="-O1 -g" EXTRA_CFLAGS="$(SANITIZE_FLAGS)" build/sanitize/jrnc

# Speed against Graphviz's nop and Mermaid's parser on generated 1k/10k/100k maps.
bench: all
	@command -v nop >/dev/null || sh .ci/install-build-deps
	@[ -d tests/bench/node_modules/mermaid ] || npm ci --prefix tests/bench --no-audit --no-fund
	python3 tests/bench/bench.py

# libFuzzer over the whole pipeline (clang). FUZZ_SECONDS bounds the run; new crashes
# land in build/fuzz/ as crash-* files: keep each in tests/fuzz/regressions/.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all

fuzz:
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS="-O1 -g" \
	    EXTRA_CFLAGS="$(FUZZ_FLAGS)" build/fuzz/fuzz_jrnc
	@mkdir -p build/fuzz/corpus
	@cp examples/*.jrn tests/fuzz/regressions/* build/fuzz/corpus/ 2>/dev/null || true
	@find tests -name '*.jrn' -size -64k -exec cp {} build/fuzz/corpus/ \; 2>/dev/null || true
	cd build/fuzz && ./fuzz_jrnc -dict=../../tests/fuzz/jrn.dict -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 -rss_limit_mb=4096 corpus

$(BUILD)/fuzz_jrnc: $(LIB_OBJECTS) tests/fuzz/fuzz_jrnc.c
	$(CC) $(JRN_CPPFLAGS) $(JRN_WARNINGS) $(CFLAGS) -DJRN_FUZZ_STDLIB='"$(CURDIR)/stdlib"' \
	    -fsanitize=fuzzer,address,undefined -o $@ tests/fuzz/fuzz_jrnc.c $(LIB_OBJECTS) $(GRAPHVIZ_LIBS) -lm

# The whole suite, then again under the sanitizers (suites marked "runner: once" run once).
check: all sanitize
	@JRNC_SANITIZE=build/sanitize/jrnc tests/run.sh

clean:
	rm -rf build $(PROGRAM)
