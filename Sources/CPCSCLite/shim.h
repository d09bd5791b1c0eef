#ifndef SCARD_CPCSCLITE_SHIM_H
#define SCARD_CPCSCLITE_SHIM_H
#include <PCSC/winscard.h>
#include <PCSC/reader.h>
#endif
