// The APDU and ATR types are part of the PC/SC API (`Card.transmit(_:options:)` takes a
// `CommandAPDU`), so importing PCSC brings them in.
@_exported import ISO7816
