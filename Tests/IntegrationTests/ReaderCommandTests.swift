import Foundation
import TestSupport
import Testing

/// Checks JSON lines against the command's schema with schemas/validate.py; the problems it printed, or "".
func schemaProblems(_ command: String, _ output: String) throws -> String {
    let validator = ScardProcess.projectRoot.appendingPathComponent("schemas/validate.py")
    let result = try ScardProcess.runExecutable(URL(fileURLWithPath: "/usr/bin/python3"), [validator.path, command], stdin: output)
    return result.status == 0 ? "" : result.stdout + result.stderr
}

extension VirtualReaderTests {
    @Suite("scard reader and scard control against vpcd")
    struct ReaderCommandTests {
        @Test("vpcd answers no attribute and no feature request: each shown as not supported, exit 0")
        func vpcdAttributes() throws {
            let result = try ScardProcess.run(["reader", "--reader", "1"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.lines.first == "reader:       Virtual PCD 00 01")
            for label in ["vendor:", "model:", "serial:", "IFD version:", "channel id:", "clock:", "max input:", "features:"] {
                let line = result.lines.first { $0.hasPrefix(label) }
                #expect(line?.hasSuffix("not supported") == true, "\(label) \(result.stdout)")
            }
            #expect(result.lines.contains { $0.hasPrefix("protocol:") })
        }

        @Test("--json names every unanswered attribute in notSupported and follows its schema")
        func json() throws {
            let result = try ScardProcess.run(["reader", "--reader", "0", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["type"] as? String == "reader-info")
            #expect((object["reader"] as? [String: Any])?["name"] as? String == "Virtual PCD 00 00")
            let unsupported = object["notSupported"] as? [String] ?? []
            #expect(unsupported.contains("SCARD_ATTR_VENDOR_NAME"))
            #expect(unsupported.contains("CM_IOCTL_GET_FEATURE_REQUEST"))
            #expect(object["vendor"] == nil && object["features"] == nil)
            #expect(try schemaProblems("reader", result.stdout) == "")
        }

        @Test("a shared connection works too; no card is needed for the default direct one", VirtualReader.destructive)
        func withoutCard() throws {
            let shared = try ScardProcess.run(["reader", "--reader", "1", "--share", "shared"])
            #expect(shared.status == 0, "\(shared.stderr)")
            #expect(shared.lines.contains("protocol:     T=1"))
            let empty = try VirtualReader.withCardRemoved(1) { try ScardProcess.run(["reader", "--reader", "1"]) }
            #expect(empty.status == 0, "\(empty.stderr)")
            #expect(empty.lines.contains { $0.hasPrefix("protocol:     none") })
        }

        @Test("control: the feature request vpcd does not know is exit 3 naming SCARD_E_UNSUPPORTED_FEATURE")
        func controlUnsupported() throws {
            for code in ["SCARD_CTL_CODE(3400)", "CM_IOCTL_GET_FEATURE_REQUEST", "0x42000D48", "1107299656"] {
                let result = try ScardProcess.run(["control", "--reader", "1", code])
                #expect(result.status == 3)
                #expect(result.stderr == "scard: control SCARD_CTL_CODE(3400) = 0x42000D48 on 'Virtual PCD 00 01': the reader does not support this control code (SCARD_E_UNSUPPORTED_FEATURE)\n")
            }
            let json = try ScardProcess.run(["control", "--reader", "1", "--json", "SCARD_CTL_CODE(1)", "01 02"])
            #expect(json.status == 3)
            #expect(try schemaProblems("control", json.stdout) == "")
        }

        @Test("control: a malformed code or data is a usage error")
        func controlUsage() throws {
            for arguments in [["twelve"], ["SCARD_CTL_CODE(x)"], ["0x42000001", "0G"], []] {
                let result = try ScardProcess.run(["control", "--reader", "1"] + arguments)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.stderr.hasPrefix("scard: "))
            }
        }
    }
}
