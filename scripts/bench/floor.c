/* The floor for the benchmark: N x GET CHALLENGE straight through libpcsclite, nothing else. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <PCSC/winscard.h>

static int check(LONG rv, const char *what) {
    if (rv != SCARD_S_SUCCESS) {
        fprintf(stderr, "floor: %s: %s\n", what, pcsc_stringify_error(rv));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor READER COUNT\n");
        return 2;
    }
    const char *reader = argv[1];
    long count = strtol(argv[2], NULL, 10);
    SCARDCONTEXT context;
    SCARDHANDLE card;
    DWORD protocol;
    if (check(SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, &context), "establish")) return 1;
    if (check(SCardConnect(context, reader, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                           &card, &protocol), "connect")) return 1;
    const SCARD_IO_REQUEST *pci = protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    unsigned char command[] = {0x00, 0x84, 0x00, 0x00, 0x08};
    unsigned char response[258];
    for (long i = 0; i < count; i++) {
        DWORD length = sizeof response;
        if (check(SCardTransmit(card, pci, command, sizeof command, NULL, response, &length), "transmit")) return 1;
        if (length != 10 || response[8] != 0x90 || response[9] != 0x00) {
            fprintf(stderr, "floor: unexpected response at %ld\n", i);
            return 1;
        }
    }
    SCardDisconnect(card, SCARD_LEAVE_CARD);
    SCardReleaseContext(context);
    return 0;
}
