#ifndef SCARD_FUZZER_DRIVER_H
#define SCARD_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// One fuzz input: the bytes and their count; returns 0.
typedef int (*scard_fuzz_one_input)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (LLVMFuzzerRunDriver) with the process's arguments on `one_input`.
int scard_fuzz_run(int argc, char **argv, scard_fuzz_one_input one_input);

#endif
