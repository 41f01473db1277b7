/* fuzz_diff.c — libFuzzer harness over `jrnc diff`: the input is two maps, OLD and NEW,
 * separated by the line "==> new <==" (no such line: NEW is OLD). Both are compiled, and
 * when both compile they are compared and the comparison rendered as text, Markdown and
 * JSON, holding each rendering to its promises. Built and run by `make fuzz FUZZ_TARGET=diff`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jrn/compile.h"
#include "jrn/diff_model.h"

#ifndef JRN_FUZZ_STDLIB
#define JRN_FUZZ_STDLIB "stdlib"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_separator[] = "\n==> new <==\n";

/* Where NEW starts; *old_size is OLD's length. Without the separator both are the input. */
static const char *fuzz_split(const char *bytes, size_t size, size_t *old_size, size_t *new_size)
{
    size_t length = sizeof fuzz_separator - 1;
    for (size_t i = 0; i + length <= size; i++) {
        if (memcmp(bytes + i, fuzz_separator, length) == 0) {
            *old_size = i + 1;   /* OLD keeps its last line's end */
            *new_size = size - i - length;
            return bytes + i + length;
        }
    }
    *old_size = size;
    *new_size = size;
    return bytes;
}

/* A byte sequence a terminal acts on: C0 controls but the line feed, DEL, C1 controls
 * (U+0080..U+009F) and the bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069). */
static bool fuzz_has_terminal_control(const jrn_strbuf *text)
{
    const unsigned char *bytes = (const unsigned char *)strbuf_text(text);
    for (size_t i = 0; i < text->length; i++) {
        unsigned char byte = bytes[i];
        if ((byte < 0x20 && byte != '\n') || byte == 0x7F) return true;
        if (byte == 0xC2 && i + 1 < text->length && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F) return true;
        if (byte == 0xD8 && i + 1 < text->length && bytes[i + 1] == 0x9C) return true;
        if (byte == 0xE2 && i + 2 < text->length && bytes[i + 1] == 0x80 &&
            (bytes[i + 2] == 0x8E || bytes[i + 2] == 0x8F || (bytes[i + 2] >= 0xAA && bytes[i + 2] <= 0xAE))) {
            return true;
        }
        if (byte == 0xE2 && i + 2 < text->length && bytes[i + 1] == 0x81 && bytes[i + 2] >= 0xA6 &&
            bytes[i + 2] <= 0xA9) {
            return true;
        }
    }
    return false;
}

/* The pull-request comment's promises: no control character (bidirectional ones
 * included), no raw HTML (the only tag is the renderer's own <br>), and no bare "@name"
 * mention. */
static bool fuzz_markdown_is_inert(const jrn_strbuf *markdown)
{
    if (fuzz_has_terminal_control(markdown)) return false;
    const char *text = strbuf_text(markdown);
    for (size_t i = 0; i < markdown->length; i++) {
        unsigned char byte = (unsigned char)text[i];
        if (byte == '<' && strncmp(text + i, "<br>", 4) != 0) return false;
        if (byte == '@' && i + 1 < markdown->length &&
            (((text[i + 1] | 0x20) >= 'a' && (text[i + 1] | 0x20) <= 'z') || (text[i + 1] >= '0' && text[i + 1] <= '9'))) {
            return false;
        }
    }
    return true;
}

static void fuzz_compare(const jrn_model *old_model, const jrn_model *new_model, bool same_input)
{
    jrn_arena *arena = arena_new();
    jrn_model_diff forward = diff_models(arena, old_model, new_model);
    jrn_model_diff backward = diff_models(arena, new_model, old_model);
    /* A map is its own equal; and if OLD to NEW changes nothing, neither does NEW to OLD. */
    if (same_input && forward.count != 0) abort();
    if ((forward.count == 0) != (backward.count == 0)) abort();
    jrn_strbuf out = STRBUF_INIT;
    diff_emit_text(&forward, &out);
    if (fuzz_has_terminal_control(&out)) abort();
    strbuf_clear(&out);
    diff_emit_md(&forward, "old.jrn", "new.jrn", &out);
    if (!fuzz_markdown_is_inert(&out)) abort();
    strbuf_clear(&out);
    diff_emit_json(&forward, "old.jrn", "new.jrn", &out);
    strbuf_free(&out);
    arena_free(arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jrn_compile_options options = {0};
    options.stdlib_dir = JRN_FUZZ_STDLIB;
    size_t old_size, new_size;
    const char *bytes = (const char *)data;
    const char *new_bytes = fuzz_split(bytes, size, &old_size, &new_size);
    jrn_compilation *before = compile_new();
    jrn_compilation *now = compile_new();
    bool old_compiled = compile_memory(before, "old.jrn", bytes, old_size, &options);
    bool new_compiled = compile_memory(now, "new.jrn", new_bytes, new_size, &options);
    if (old_compiled && new_compiled) fuzz_compare(before->model, now->model, new_bytes == bytes);
    compile_free(before);
    compile_free(now);
    return 0;
}
