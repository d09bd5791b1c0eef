import PCSC
import PCSCDoctor

extension DoctorCommand {
    /// One check as `scard doctor --json` prints it: the check's fields, and the ATR it found as hex
    /// without blanks (Docs/json.md), so that no program has to read it out of `detail`.
    struct CheckRecord: Encodable {
        let id: String
        let title: String
        let status: DoctorCheck.Status
        let detail: String
        let fix: String?
        let code: Int32?
        let atr: String?

        /// The record of `check`.
        init(_ check: DoctorCheck) {
            id = check.id
            title = check.title
            status = check.status
            detail = check.detail
            fix = check.fix
            code = check.code
            atr = check.atr.flatMap { $0.isEmpty ? nil : JSONValue.hex($0) }
        }
    }
}
