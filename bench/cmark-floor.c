/* The floor for evident's build speed: what libcmark alone costs on a site's essays.
 *
 *     cmark-floor CONTENT_DIR OUTPUT_DIR
 *
 * For each CONTENT_DIR/<slug>/index.md: read it, skip its front matter (the lines between the first two `---`),
 * parse the Markdown, render HTML (safe mode, as evident's default) and write OUTPUT_DIR/<slug>/index.html.
 * One thread, no templates, no highlighting: nothing a site generator could skip.
 *
 * Build: cc -O2 -o cmark-floor cmark-floor.c $(pkg-config --cflags --libs libcmark)
 */
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    size_t capacity = 1 << 14, used = 0;
    char *buffer = malloc(capacity);
    size_t got;
    while ((got = fread(buffer + used, 1, capacity - used, file)) > 0) {
        used += got;
        if (used == capacity) buffer = realloc(buffer, capacity *= 2);
    }
    fclose(file);
    *length = used;
    return buffer;
}

/* The Markdown after a leading `---` ... `---` block, or the whole text when there is none. */
static const char *body(const char *text, size_t length, size_t *body_length) {
    *body_length = length;
    if (length < 4 || strncmp(text, "---\n", 4) != 0) return text;
    const char *end = text + length;
    for (const char *line = text + 4; line < end;) {
        const char *newline = memchr(line, '\n', (size_t)(end - line));
        const char *line_end = newline ? newline : end;
        if (line_end - line == 3 && strncmp(line, "---", 3) == 0) {
            const char *start = newline ? newline + 1 : end;
            *body_length = (size_t)(end - start);
            return start;
        }
        line = newline ? newline + 1 : end;
    }
    return text;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CONTENT_DIR OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    DIR *content = opendir(argv[1]);
    if (!content) {
        perror(argv[1]);
        return 1;
    }
    if (mkdir(argv[2], 0755) != 0 && errno != EEXIST) {
        perror(argv[2]);
        return 1;
    }
    int pages = 0;
    char path[4096];
    struct dirent *entry;
    while ((entry = readdir(content)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s/index.md", argv[1], entry->d_name);
        size_t length;
        char *text = read_file(path, &length);
        if (!text) continue; /* site.yml and anything that is not an essay folder */
        size_t markdown_length;
        const char *markdown = body(text, length, &markdown_length);
        cmark_node *document = cmark_parse_document(markdown, markdown_length, CMARK_OPT_DEFAULT);
        char *html = cmark_render_html(document, CMARK_OPT_DEFAULT);
        snprintf(path, sizeof path, "%s/%s", argv[2], entry->d_name);
        if (mkdir(path, 0755) != 0 && errno != EEXIST) {
            perror(path);
            return 1;
        }
        snprintf(path, sizeof path, "%s/%s/index.html", argv[2], entry->d_name);
        FILE *out = fopen(path, "wb");
        if (!out || fwrite(html, 1, strlen(html), out) != strlen(html) || fclose(out) != 0) {
            perror(path);
            return 1;
        }
        free(html);
        cmark_node_free(document);
        free(text);
        pages++;
    }
    closedir(content);
    fprintf(stderr, "cmark-floor: %d pages\n", pages);
    return 0;
}
