#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Small accessors for readline's global settings, so Swift code does not touch C globals
   directly (Swift 6 checks global mutable state for concurrency safety). */

static inline void svwizard_rl_configure(rl_completion_func_t *completion, rl_getc_func_t *getc) {
    rl_catch_signals = 0;      /* svwizard handles Ctrl-C itself, through its own key reader */
    rl_catch_sigwinch = 1;     /* follow terminal resizes */
    rl_readline_name = "svwizard";
    rl_attempted_completion_function = completion;
    rl_getc_function = getc;   /* reads keys with poll(), so Ctrl-C can end the line */
}

static inline void svwizard_rl_completion_over(void) {
    rl_attempted_completion_over = 1;   /* never fall back to completing file names */
}

static inline int svwizard_rl_input_fd(void) {
    return fileno(rl_instream ? rl_instream : stdin);
}

static inline void svwizard_rl_flush(void) {
    fflush(rl_outstream ? rl_outstream : stdout);   /* readline writes through stdio's buffer */
}

/* Turns readline's bracketed-paste mode (escape codes sent to the terminal) on or off. */
static inline void svwizard_rl_bracketed_paste(int on) {
    rl_variable_bind("enable-bracketed-paste", on ? "on" : "off");
}

/* Text to put on the next line before the person types (what they had typed when they
   pressed Ctrl-C and chose to carry on), through readline's startup hook. */
static char *svwizard_rl_prefill_text = NULL;

static inline int svwizard_rl_insert_prefill(void) {
    if (svwizard_rl_prefill_text) {
        rl_insert_text(svwizard_rl_prefill_text);
        free(svwizard_rl_prefill_text);
        svwizard_rl_prefill_text = NULL;
    }
    rl_startup_hook = NULL;
    return 0;
}

static inline void svwizard_rl_prefill(const char *text) {
    free(svwizard_rl_prefill_text);
    svwizard_rl_prefill_text = strdup(text);
    rl_startup_hook = svwizard_rl_insert_prefill;
}

/* A copy of the line being edited (free it), or NULL when there is none. */
static inline char *svwizard_rl_line_copy(void) {
    if (!rl_line_buffer || rl_end <= 0) return NULL;
    return strndup(rl_line_buffer, (size_t)rl_end);
}
