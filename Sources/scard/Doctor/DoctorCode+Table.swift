import PCSCDoctor

extension DoctorCode {
    /// The table printed in `--help` and Docs/doctor.md.
    static let table = """
        Exit codes (doctor's own, one per failure; the first failing check decides):
          0   every check passed (warnings allowed, unless --strict)
          2   usage error
          10  libpcsclite cannot be loaded or lacks a function
          11  pcscd is not running (no socket, no pcscd process)
          12  pcscd runs but its socket is missing (removed, or another path)
          13  the socket is there but pcscd does not answer (stale socket)
          14  permission refused (socket mode, or polkit)
          15  no readers (or no reader matches --reader)
          16  no card in the reader(s)
          17  a card is present but does not answer
          18  --virtual: vpcd is not configured or not loaded by pcscd
          19  --virtual: no vicc card is connected to vpcd
          20  --virtual --strict: exchanges slower than 5 ms (no TCP quick ACK)
        """
}
