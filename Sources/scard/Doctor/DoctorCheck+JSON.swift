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
            atr = Self.atr(in: check.detail)
        }

        /// The ATR a check's detail names after `ATR ` (`card in R, ATR 3B 95 13`), without blanks.
        static func atr(in detail: String) -> String? {
            guard let marker = detail.firstRange(of: "ATR ") else { return nil }
            let hex = detail[marker.upperBound...].prefix { $0.isHexDigit || $0 == " " }
            guard let bytes = try? Hex.bytes(String(hex.trimmingBlanks())), !bytes.isEmpty else { return nil }
            return JSONValue.hex(bytes)
        }
    }
}
