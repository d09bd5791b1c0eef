#include "FuzzerDriver.h"

/* libFuzzer's entry for programs that have their own main (SwiftPM gives every executable one). */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*user_callback)(const uint8_t *data, size_t size));

int scard_fuzz_run(int argc, char **argv, scard_fuzz_one_input one_input) {
    return LLVMFuzzerRunDriver(&argc, &argv, one_input);
}
