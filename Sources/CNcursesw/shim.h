#ifndef REPLYDESK_CNCURSESW_SHIM_H
#define REPLYDESK_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/* glibc declares these only under _XOPEN_SOURCE, which SwiftPM does not pass. */
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

/* Globals Swift 6 refuses as shared mutable state. */
static inline WINDOW *replydesk_stdscr(void) { return stdscr; }
static inline int replydesk_lines(void) { return LINES; }
static inline int replydesk_cols(void) { return COLS; }
static inline int replydesk_colors(void) { return COLORS; }

/* Attribute macros Swift cannot import. */
static inline attr_t replydesk_attr_bold(void) { return A_BOLD; }
static inline attr_t replydesk_attr_dim(void) { return A_DIM; }
static inline attr_t replydesk_attr_reverse(void) { return A_REVERSE; }
static inline attr_t replydesk_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t replydesk_attr_normal(void) { return A_NORMAL; }
static inline int replydesk_key_f(int n) { return KEY_F(n); }

/* Draw one cell: a NUL-terminated wide string of one grapheme with attributes and colour pair. */
static inline int replydesk_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
  return mvwadd_wch(w, y, x, &cell);
}

#endif
