/// What a failed doctor check found, one code per kind of failure: `scard doctor` exits with it
/// (Docs/doctor.md lists them), so the numbers are part of the interface.
public enum DoctorCode: Int32, Sendable, CaseIterable {
    /// Every check passed (warnings allowed unless --strict).
    case healthy = 0
    /// Bad usage.
    case usage = 2
    /// libpcsclite cannot be loaded or lacks a function.
    case library = 10
    /// No pcscd socket and no pcscd process.
    case pcscdNotRunning = 11
    /// pcscd runs, but its socket is not there.
    case socketMissing = 12
    /// The socket is there, but pcscd does not answer (a stale socket, a hung daemon).
    case pcscdNotAnswering = 13
    /// The socket's mode or polkit refuses this user.
    case permission = 14
    /// No reader, or not the reader asked for.
    case noReaders = 15
    /// No card in the reader(s).
    case noCard = 16
    /// A card is present but does not answer.
    case cardNotAnswering = 17
    /// --virtual: vpcd is not configured or not loaded.
    case vpcdMissing = 18
    /// --virtual: no vicc is connected to vpcd.
    case viccMissing = 19
    /// --virtual --strict: exchanges with the virtual card are slow (no TCP quick ACK).
    case slowVirtualReader = 20
}
