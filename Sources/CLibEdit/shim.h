// libedit (BSD editline): line editing and history for `scard shell`, from Debian's libedit-dev.
#include <stdio.h>
#include <histedit.h>

// Variadic el_set/history calls cannot be made from Swift: these fixed-argument wrappers can.

static inline EditLine *scard_el_init_standard(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int scard_el_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
    return el_set(el, EL_PROMPT, prompt);
}

static inline int scard_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int scard_el_set_history(EditLine *el, History *list) {
    return el_set(el, EL_HIST, history, list);
}

static inline int scard_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *scard_el_get_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int scard_history_set_size(History *list, HistEvent *event, int size) {
    return history(list, event, H_SETSIZE, size);
}

static inline int scard_history_set_unique(History *list, HistEvent *event) {
    return history(list, event, H_SETUNIQUE, 1);
}

static inline int scard_history_enter(History *list, HistEvent *event, const char *line) {
    return history(list, event, H_ENTER, line);
}
