#include <stdio.h>
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
