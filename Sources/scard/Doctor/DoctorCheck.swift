/// The exit codes of `scard doctor`: one per failure, beyond the codes of the other subcommands
/// (doctor's job is to tell failures apart).
enum DoctorCode: Int32, CaseIterable {
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

/// The result of one check: what was checked, what was found, and how to fix it.
struct DoctorCheck: Encodable {
    /// How a check came out.
    enum Status: String, Encodable {
        /// Passed.
        case ok
        /// Passed, with something to fix (a failure under --strict).
        case warn
        /// Failed: the checks after it are skipped.
        case fail
        /// Not made.
        case skip
    }

    /// A stable identifier (`socket`, `readers` ...).
    let id: String
    /// What is checked, in words.
    let title: String
    /// The outcome.
    let status: Status
    /// What was found.
    let detail: String
    /// How to fix a failure or a warning.
    let fix: String?
    /// The exit code of a failure (or of a warning under --strict).
    let code: Int32?

    /// A check that passed.
    static func ok(_ id: String, _ title: String, _ detail: String) -> DoctorCheck {
        DoctorCheck(id: id, title: title, status: .ok, detail: detail, fix: nil, code: nil)
    }

    /// A check that failed with its code and fix.
    static func fail(_ id: String, _ title: String, _ code: DoctorCode, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(id: id, title: title, status: .fail, detail: detail, fix: fix, code: code.rawValue)
    }

    /// A check that passed with a warning (a failure under --strict).
    static func warn(_ id: String, _ title: String, _ code: DoctorCode, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(id: id, title: title, status: .warn, detail: detail, fix: fix, code: code.rawValue)
    }

    /// A check not made because an earlier one failed.
    static func skip(_ id: String, _ title: String) -> DoctorCheck {
        DoctorCheck(id: id, title: title, status: .skip, detail: "not checked: an earlier check failed", fix: nil, code: nil)
    }
}
