/* lsp_documents.c — the editor's open documents: their text and version, the files their
 * URIs name, and the lookup that lets a compilation read an open document's unsaved text
 * instead of the file on disk (for the root and for every used file). */
#include "jrn/lsp.h"
#include "jrn/memory.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *lsp_strdup(const char *text)
{
    size_t length = strlen(text);
    char *copy = memory_calloc(length + 1, 1);
    memcpy(copy, text, length);
    return copy;
}

static int lsp_hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *lsp_uri_to_path(const char *uri)
{
    static const char scheme[] = "file://";
    if (strncmp(uri, scheme, sizeof scheme - 1) != 0) return NULL;
    const char *cursor = uri + sizeof scheme - 1;
    /* file://host/path: only the local host (empty or "localhost") names a file here. */
    if (strncmp(cursor, "localhost/", 10) == 0) cursor += 9;
    if (*cursor != '/') return NULL;
    jrn_strbuf path = STRBUF_INIT;
    for (; *cursor != '\0'; cursor++) {
        int high, low;
        if (*cursor == '%' && (high = lsp_hex_value(cursor[1])) >= 0 && (low = lsp_hex_value(cursor[2])) >= 0) {
            char byte = (char)(high * 16 + low);
            if (byte == '\0') break;   /* a path never holds NUL: cut there rather than mislead */
            strbuf_putc(&path, byte);
            cursor += 2;
        } else {
            strbuf_putc(&path, *cursor);
        }
    }
    char *result = lsp_strdup(strbuf_text(&path));
    strbuf_free(&path);
    return result;
}

/* Removes "." and ".." components and doubled slashes from an absolute path, in place. */
static void lsp_normalise_lexically(char *path)
{
    char *out = path;
    const char *in = path;
    while (*in != '\0') {
        while (*in == '/') in++;
        const char *end = strchr(in, '/');
        size_t length = end != NULL ? (size_t)(end - in) : strlen(in);
        if (length == 0) break;
        if (length == 1 && in[0] == '.') {
            /* nothing */
        } else if (length == 2 && in[0] == '.' && in[1] == '.') {
            while (out > path && *(out - 1) != '/') out--;
            if (out > path) out--;
        } else {
            *out++ = '/';
            memmove(out, in, length);
            out += length;
        }
        in += length;
    }
    if (out == path) *out++ = '/';
    *out = '\0';
}

char *lsp_canonical_path(const char *path)
{
    char resolved[PATH_MAX];
    if (realpath(path, resolved) != NULL) return lsp_strdup(resolved);
    jrn_strbuf absolute = STRBUF_INIT;
    if (path[0] != '/') {
        char folder[PATH_MAX];
        if (getcwd(folder, sizeof folder) != NULL) strbuf_puts(&absolute, folder);
        strbuf_putc(&absolute, '/');
    }
    strbuf_puts(&absolute, path);
    char *result = lsp_strdup(strbuf_text(&absolute));
    strbuf_free(&absolute);
    lsp_normalise_lexically(result);
    return result;
}

/* RFC 3986's unreserved characters and the path's slashes stay; every other byte is %XX. */
static bool lsp_uri_keeps(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

char *lsp_uri_for_path(const lsp_documents *documents, const char *path)
{
    const lsp_document *open = lsp_document_for_path(documents, path);
    if (open != NULL) return lsp_strdup(open->uri);
    char *canonical = lsp_canonical_path(path);
    jrn_strbuf uri = STRBUF_INIT;
    strbuf_puts(&uri, "file://");
    for (const unsigned char *c = (const unsigned char *)canonical; *c != '\0'; c++) {
        if (lsp_uri_keeps(*c)) strbuf_putc(&uri, (char)*c);
        else strbuf_printf(&uri, "%%%02X", *c);
    }
    free(canonical);
    char *result = lsp_strdup(strbuf_text(&uri));
    strbuf_free(&uri);
    return result;
}

lsp_document *lsp_document_find(const lsp_documents *documents, const char *uri)
{
    for (size_t i = 0; i < documents->count; i++) {
        if (strcmp(documents->items[i]->uri, uri) == 0) return documents->items[i];
    }
    return NULL;
}

lsp_document *lsp_document_for_path(const lsp_documents *documents, const char *path)
{
    if (documents->count == 0) return NULL;
    char *canonical = lsp_canonical_path(path);
    lsp_document *found = NULL;
    for (size_t i = 0; i < documents->count && found == NULL; i++) {
        const lsp_document *document = documents->items[i];
        if (document->canonical_path != NULL && strcmp(document->canonical_path, canonical) == 0) {
            found = documents->items[i];
        }
    }
    free(canonical);
    return found;
}

const char *lsp_documents_unsaved_text(void *context, const char *path, size_t *length)
{
    const lsp_document *document = lsp_document_for_path(context, path);
    if (document == NULL) return NULL;
    *length = document->text.length;
    return strbuf_text(&document->text);
}

lsp_document *lsp_document_open(lsp_documents *documents, const char *uri, const char *text,
                                size_t length, int64_t version)
{
    lsp_document *document = lsp_document_find(documents, uri);
    if (document == NULL) {
        document = memory_calloc(1, sizeof *document);
        document->uri = lsp_strdup(uri);
        document->path = lsp_uri_to_path(uri);
        document->canonical_path = document->path != NULL ? lsp_canonical_path(document->path) : NULL;
        MEMORY_PUSH(documents->items, documents->count, document);
    }
    strbuf_clear(&document->text);
    strbuf_append(&document->text, text, length);
    document->version = version;
    lsp_document_invalidate(document);
    return document;
}

void lsp_document_invalidate(lsp_document *document)
{
    if (document->last_resolved != document->analysis) compile_free(document->analysis);
    document->analysis = NULL;
    document->actuals = NULL;
    document->diagnostics_due = true;
}

static void lsp_document_free(lsp_document *document)
{
    if (document->last_resolved != document->analysis) compile_free(document->analysis);
    compile_free(document->last_resolved);
    for (size_t i = 0; i < document->published_count; i++) free(document->published_uris[i]);
    free(document->published_uris);
    strbuf_free(&document->text);
    free(document->uri);
    free(document->path);
    free(document->canonical_path);
    free(document);
}

void lsp_document_close(lsp_documents *documents, lsp_document *document)
{
    for (size_t i = 0; i < documents->count; i++) {
        if (documents->items[i] != document) continue;
        memmove(&documents->items[i], &documents->items[i + 1],
                (documents->count - i - 1) * sizeof *documents->items);
        documents->count--;
        break;
    }
    lsp_document_free(document);
}

void lsp_documents_free(lsp_documents *documents)
{
    for (size_t i = 0; i < documents->count; i++) lsp_document_free(documents->items[i]);
    free(documents->items);
    *documents = (lsp_documents){NULL, 0};
}
