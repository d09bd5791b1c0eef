import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("WrittenFile: --report-file and --record are replaced atomically, and a failed write is exit 8")
    struct WrittenFileTests {
        static let script = """
            # test: select MF
            00 A4 00 0C 02 3F 00 => 90 00

            """

        /// Writes the script into `folder` and returns its path.
        func script(in folder: URL) throws -> String {
            let url = folder.appendingPathComponent("select.apdu")
            try Data(Self.script.utf8).write(to: url)
            return url.path
        }

        /// The permission bits of a path.
        func mode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }

        @Test("a report or transcript that cannot be written (missing directory, a directory in its place, a full device) is exit 8 naming the file and the reason")
        func failures() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = try script(in: folder)
            let cases: [(String, String)] = [
                ("/nonexistent/dir/x.xml", "No such file or directory"),
                (folder.path, "Is a directory"),
                ("/dev/full", "No space left on device"),
            ]
            for (path, reason) in cases {
                let report = try ScardProcess.run(["script", "--reader", "0", "--report", "junit", "--report-file", path, script])
                #expect(report.status == 8, "\(path): \(report.stderr)")
                #expect(report.stderr.hasSuffix("scard: \(path): cannot write the report (\(reason))\n"), "\(report.stderr)")
                let record = try ScardProcess.run(["script", "--reader", "0", script, "--record", path])
                #expect(record.status == 8, "\(path): \(record.stderr)")
                #expect(record.stderr.hasSuffix("scard: \(path): cannot write the transcript (\(reason))\n"), "\(record.stderr)")
            }
            let tap = try ScardProcess.run(["script", "--reader", "0", "--report", "tap", "--report-file", "/nonexistent/dir/x.tap", script])
            #expect(tap.status == 8)
        }

        @Test("a new report is 0644 less the umask; a chmod 640 survives the next write; a linked report stays a link")
        func modesAndLinks() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = try script(in: folder)
            let report = folder.appendingPathComponent("report.xml").path
            let first = try ScardProcess.run(["script", "--reader", "0", "--report", "junit", "--report-file", report, script])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(try mode(report) & 0o600 == 0o600)
            #expect(try mode(report) & ~0o644 == 0)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: report)
            #expect(try ScardProcess.run(["script", "--reader", "0", "--report", "tap", "--report-file", report, script]).status == 0)
            #expect(try mode(report) == 0o640)
            #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("TAP version"))
            let link = folder.appendingPathComponent("golden.json").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "kept/real.json")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("kept"), withIntermediateDirectories: true)
            #expect(try ScardProcess.run(["script", "--reader", "0", script, "--record", link]).status == 0)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "kept/real.json")
            let saved = try Data(contentsOf: folder.appendingPathComponent("kept/real.json"))
            #expect(String(decoding: saved, as: UTF8.self).contains("scard-transcript/1"))
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(!names.contains { $0.contains(".tmp-") })
        }
    }
}
