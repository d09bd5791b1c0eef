import FoundationEssentials
@preconcurrency import Glibc
import PCSC

/// Finds out why smart card access does not work: runs its checks in order (library, socket,
/// permission, pcscd, readers, card, answer; with ``virtual`` also vpcd, vicc and latency) and
/// stops at the first failure; the checks after it are listed as skipped.
///
/// Each failed check carries its ``DoctorCode``; deciding what to do with it (`scard doctor`
/// exits with it) is the caller's.
public struct Doctor: Sendable {
    /// The manager the PC/SC checks go through (traced, or bounded by deadlines, as the caller set it up).
    public let manager: ResourceManager
    /// The reader to check (index, exact name, or unique part of a name), or nil for every reader.
    public let readerSpec: String?
    /// Whether to send GET CHALLENGE to the card.
    public let probe: Bool
    /// Whether to check the virtual reader too.
    public let virtual: Bool

    /// A doctor checking through `manager`.
    public init(manager: ResourceManager, readerSpec: String? = nil, probe: Bool = false, virtual: Bool = false) {
        self.manager = manager
        self.readerSpec = readerSpec
        self.probe = probe
        self.virtual = virtual
    }

    /// The checks in the order they run: (id, title).
    public var plan: [(id: String, title: String)] {
        var plan = [
            ("library", "libpcsclite loadable"), ("socket", "pcscd socket present"),
            ("permission", "permission to use pcscd"), ("pcscd", "pcscd answering"),
        ]
        if virtual { plan.append(("vpcd", "vpcd configured")) }
        plan.append(("readers", "readers present"))
        if virtual { plan.append(("vicc", "vicc connected")) }
        plan += [("card", "card present"), ("answer", probe ? "card answering (probe)" : "card answering")]
        if virtual { plan.append(("latency", "virtual reader latency")) }
        return plan.map { (id: $0.0, title: $0.1) }
    }

    /// Runs every check until one fails.
    public func run() -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        _ = runChecks { checks.append($0); return $0.status != .fail }
        for step in plan.dropFirst(checks.count) { checks.append(.skip(step.id, step.title)) }
        return checks
    }

    /// The title of a planned check.
    public func title(_ id: String) -> String {
        plan.first { $0.id == id }?.title ?? id
    }

    /// Runs the checks, handing each to `add`; stops when `add` returns false.
    private func runChecks(_ add: (DoctorCheck) -> Bool) -> Bool {
        switch SystemProbe.library() {
        case .success(let path): guard add(.ok("library", title("library"), path)) else { return false }
        case .failure(let problem):
            return add(.fail("library", title("library"), .library, problem.message,
                             fix: "reinstall the library: apt-get install --reinstall libpcsclite1"))
        }
        let path = SystemProbe.socketPath
        let daemons = SystemProbe.pcscdProcesses()
        guard add(socketCheck(path, daemons: daemons)) else { return false }
        let connectError = SystemProbe.connectError(to: path)
        var context: Context?
        var establishError: PCSCError?
        if connectError == 0 {
            do {
                context = try manager.establishContext()
            } catch {
                establishError = error
            }
        }
        defer { _ = try? context?.release() }
        guard add(permissionCheck(path, connectError: connectError, establishError: establishError)) else { return false }
        guard let context else {
            return add(answeringCheck(path, connectError: connectError, establishError: establishError))
        }
        guard add(.ok("pcscd", title("pcscd"), "SCardEstablishContext succeeded through \(path)")) else { return false }
        var vpcd: VpcdConfiguration.Entry?
        if virtual {
            switch VpcdConfiguration.entry(in: VpcdConfiguration.configPath(of: daemons.first)) {
            case .success(let entry):
                vpcd = entry
                let detail = "\(entry.file): '\(entry.friendlyName)' readers, slot N on TCP port \(entry.port)+N"
                guard add(.ok("vpcd", title("vpcd"), detail)) else { return false }
            case .failure(let problem):
                return add(.fail("vpcd", title("vpcd"), .vpcdMissing, problem.message,
                                 fix: "install vsmartcard-vpcd (it adds /etc/reader.conf.d/vpcd) and restart pcscd; "
                                     + "scripts/virtual-reader.sh start does both"))
            }
        }
        let cards = CardChecks(context: context, readerSpec: readerSpec, probe: probe, titles: title)
        let (readersCheck, readers) = cards.readers()
        guard add(readersCheck) else { return false }
        if let vpcd {
            guard add(cards.viccCheck(readers, vpcd: vpcd)) else { return false }
        }
        let (cardCheck, reader) = cards.cardPresent(readers)
        guard add(cardCheck), let reader else { return false }
        let (answerCheck, card) = cards.answering(reader)
        guard add(answerCheck), let card else { return false }
        if let vpcd {
            return add(cards.latency(card, reader: reader, vpcd: vpcd, readers: readers))
        }
        return true
    }

    private func socketCheck(_ path: String, daemons: [SystemProbe.Daemon]) -> DoctorCheck {
        switch SystemProbe.node(at: path) {
        case .socket(let mode, let owner):
            return .ok("socket", title("socket"), "\(path) (mode \(String(mode, radix: 8)), owner uid \(owner))")
        case .other where SystemProbe.socketPathFromEnvironment:
            return .fail("socket", title("socket"), .socketMissing,
                         "PCSCLITE_CSOCK_NAME names \(path), which is not a socket",
                         fix: "point PCSCLITE_CSOCK_NAME at the socket pcscd listens on, or unset it to use \(SystemProbe.defaultSocketPath)")
        case .other:
            return .fail("socket", title("socket"), .socketMissing, "\(path) exists but is not a socket",
                         fix: "remove it and restart pcscd so that it creates its socket again")
        case .missing:
            guard let daemon = daemons.first else {
                return .fail("socket", title("socket"), .pcscdNotRunning, "pcscd is not running (no \(path), no pcscd process)",
                             fix: "start pcscd: systemctl start pcscd.socket, or pcscd; the virtual reader: scripts/virtual-reader.sh start")
            }
            return .fail("socket", title("socket"), .socketMissing,
                         "pcscd runs (pid \(daemon.pid)) but \(path) is missing: removed, or pcscd uses another path",
                         fix: "restart pcscd so that it creates the socket again (kill \(daemon.pid); pcscd), "
                             + "or point PCSCLITE_CSOCK_NAME at the socket it uses")
        }
    }

    private func permissionCheck(_ path: String, connectError: Int32, establishError: PCSCError?) -> DoctorCheck {
        let user = "uid \(getuid())"
        if connectError == EACCES || connectError == EPERM {
            return .fail("permission", title("permission"), .permission,
                         "connecting to \(path) as \(user): \(SystemProbe.describe(errno: connectError))",
                         fix: "run as a user the socket's mode admits, or let pcscd create it with its default mode 0666")
        }
        if establishError == .securityViolation {
            return .fail("permission", title("permission"), .permission,
                         "pcscd refused \(user) (polkit action org.debian.pcsc-lite.access_pcsc)",
                         fix: "allow the user in a polkit rule for org.debian.pcsc-lite.access_pcsc, or start pcscd with --disable-polkit")
        }
        return .ok("permission", title("permission"), "\(user) may connect")
    }

    private func answeringCheck(_ path: String, connectError: Int32, establishError: PCSCError?) -> DoctorCheck {
        if connectError != 0 {
            return .fail("pcscd", title("pcscd"), .pcscdNotAnswering,
                         "nothing answers on \(path): \(SystemProbe.describe(errno: connectError)) (a socket left by a pcscd that died)",
                         fix: "remove the stale socket and start pcscd: rm \(path); pcscd")
        }
        let reason = establishError.map { "\($0)" } ?? "no answer"
        return .fail("pcscd", title("pcscd"), .pcscdNotAnswering, "SCardEstablishContext failed: \(reason)",
                     fix: "restart pcscd; its log (pcscd --foreground --debug) tells why it does not answer")
    }
}
