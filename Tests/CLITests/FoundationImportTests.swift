import Foundation
import Testing

/// Keeps full Foundation (and the ICU it drags in) out of the product: every target under Sources/
/// may use FoundationEssentials, Glibc or Dispatch, never Foundation itself.
@Suite("no full Foundation in Sources")
struct FoundationImportTests {
    /// The modules that link full Foundation or ICU into the binary.
    static let forbidden: Set<String> = [
        "Foundation", "FoundationInternationalization", "FoundationNetworking", "FoundationXML", "_FoundationICU",
    ]

    /// The package's root directory, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The module an `import` line names (`import struct Foundation.Data` names `Foundation`), or nil.
    static func importedModule(_ line: Substring) -> String? {
        var words = line.split(whereSeparator: \.isWhitespace)[...]
        while let first = words.first, first.hasPrefix("@") { words = words.dropFirst() }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        if let kind = words.first, ["class", "struct", "enum", "protocol", "func", "var", "let", "typealias"]
            .contains(kind) {
            words = words.dropFirst()
        }
        return words.first.map { String($0.prefix { $0 != "." }) }
    }

    /// `path:line: text` for every import of a forbidden module in the Swift files under Sources/.
    static func offenders() throws -> [String] {
        let sources = root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var found: [String] = []
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let module = importedModule(line), forbidden.contains(module) {
                    let path = file.path.replacingOccurrences(of: root.path + "/", with: "")
                    found.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        return found.sorted()
    }

    @Test("no product target imports Foundation; FoundationEssentials is the most it uses")
    func noFoundationImports() throws {
        let found = try Self.offenders()
        #expect(found.isEmpty, "full Foundation imported in:\n\(found.joined(separator: "\n"))")
    }

    @Test("the scan sees the import forms that bring Foundation in")
    func recognisesImports() {
        #expect(Self.importedModule("import Foundation") == "Foundation")
        #expect(Self.importedModule("@_exported import Foundation") == "Foundation")
        #expect(Self.importedModule("@preconcurrency import Foundation") == "Foundation")
        #expect(Self.importedModule("import struct Foundation.Data") == "Foundation")
        #expect(Self.importedModule("    import FoundationInternationalization") == "FoundationInternationalization")
        #expect(Self.importedModule("import FoundationEssentials") == "FoundationEssentials")
        #expect(Self.importedModule("// import Foundation") == nil)
    }

    @Test("the scan finds the sources")
    func findsSources() throws {
        let scard = Self.root.appendingPathComponent("Sources/scard/SCard.swift")
        #expect(FileManager.default.fileExists(atPath: scard.path))
    }
}
