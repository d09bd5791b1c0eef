import ArgumentParser
import FoundationEssentials
import PCSCDoctor

/// `scard doctor`: finds out why smart card access does not work, one check at a time.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the PC/SC setup step by step and say how to fix what is wrong.",
        discussion: """
            Checks, in order, and stops at the first failure (the rest are skipped):
            libpcsclite loadable; pcscd's socket present ($PCSCLITE_CSOCK_NAME, else
            /run/pcscd/pcscd.comm); permission to use it (socket mode, polkit); pcscd
            answering (a context is established); readers present; a card present; the
            card answering (its ATR; with --probe also GET CHALLENGE). With --virtual it
            also checks vpcd in pcscd's configuration, a vicc connected to vpcd, and
            times 20 exchanges with the virtual card: above 5 ms each (median) is a
            warning, as vicc without TCP quick ACKs waits for delayed ACKs.

            scard links libpcsclite, so the library check can fail only when the
            library is broken (a function missing); a missing library stops scard
            before it starts.

            Examples:
              scard doctor
              scard doctor --probe --reader 1
              scard doctor --virtual --json

            \(DoctorCode.table)
            """
    )

    @Option(name: .shortAndLong, help: "Check this reader only: index, exact name, or a unique part of its name.")
    var reader: String?

    @Flag(help: "Also send a harmless GET CHALLENGE to the card.")
    var probe = false

    @Flag(help: "Also check the virtual reader: vpcd configured, vicc connected, exchange latency.")
    var virtual = false

    @Flag(help: "Treat warnings (a slow virtual reader) as failures.")
    var strict = false

    @Flag(help: "Print one JSON object with every check instead of text.")
    var json = false

    @Flag(help: "Show every PC/SC call with its result and duration on standard error.")
    var trace = false

    @OptionGroup var deadline: DeadlineOptions

    /// The JSON form of a doctor run.
    struct Report: Encodable {
        let type = "doctor"
        /// Every check, in order.
        let checks: [CheckRecord]
        /// `ok`, `warn` or `fail`.
        let status: String
        /// The exit code.
        let exitCode: Int32
    }

    /// Refuses an empty `--reader` before any check runs.
    func validate() throws {
        try ReaderOption.validate(reader)
    }

    /// Runs the checks, prints them, and exits with the code of the first failure.
    func run() throws {
        let session = Session(trace: trace, timeout: deadline.timeout)
        defer { session.finish() }
        let checks = Doctor(manager: session.manager, readerSpec: reader, probe: probe, virtual: virtual).run()
        let failure = checks.first { $0.status == .fail || (strict && $0.status == .warn) }
        let code = failure?.code ?? DoctorCode.healthy.rawValue
        let warnings = checks.filter { $0.status == .warn }.count
        if json {
            let status = failure != nil ? "fail" : (warnings > 0 ? "warn" : "ok")
            JSONLine.print(Report(checks: checks.map(CheckRecord.init), status: status, exitCode: code))
        } else {
            print(Self.text(checks).joined(separator: "\n"))
            if let failure, failure.status == .warn {
                print("doctor: \(failure.title): a warning, which --strict makes a failure (exit \(code))")
            } else if let failure {
                print("doctor: \(failure.title) failed (exit \(code))")
            } else if warnings > 0 {
                print("doctor: all checks passed, \(warnings) warning(s)")
            } else {
                print("doctor: all checks passed")
            }
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// The text report: one line per check, with the fix under a failure or a warning.
    static func text(_ checks: [DoctorCheck]) -> [String] {
        let width = checks.map(\.title.count).max() ?? 0
        var lines: [String] = []
        for check in checks {
            let mark: String
            switch check.status {
            case .ok: mark = "ok  "
            case .warn: mark = "WARN"
            case .fail: mark = "FAIL"
            case .skip: mark = "skip"
            }
            let title = check.title.padded(to: width)
            lines.append("\(mark)  \(title)  \(check.status == .skip ? "-" : check.detail)")
            if let fix = check.fix { lines.append("      fix: \(fix)") }
        }
        return lines
    }
}
