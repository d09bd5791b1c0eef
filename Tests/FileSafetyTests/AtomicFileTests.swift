import FileSafety
import Foundation
import Testing

@Suite("AtomicFile: atomic replace, modes kept, links followed, failures named")
struct AtomicFileTests {
    /// The permission bits of a path (following links).
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// The process's umask, read without changing it.
    static var umask: Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        return line.flatMap { Int($0.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
    }

    /// The names in a directory.
    static func names(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    @Test("a new file has the contents and the permissions asked for, less the umask; no temporary file stays")
    func newFile() throws {
        let directory = try TemporaryDirectory()
        try AtomicFile.write(Array("secret".utf8), to: directory.file("store.json"), creatingWith: .ownerReadWrite)
        try AtomicFile.write(Array("report".utf8), to: directory.file("report.xml"), creatingWith: .ownerWriteAllRead)
        #expect(try String(contentsOfFile: directory.file("store.json"), encoding: .utf8) == "secret")
        #expect(try Self.mode(directory.file("store.json")) == 0o600)
        #expect(try Self.mode(directory.file("report.xml")) == 0o644 & ~Self.umask)
        #expect(try Self.names(directory.path) == ["report.xml", "store.json"])
    }

    @Test("an existing file's mode (chmod 640, 600, 604) survives a replace")
    func modeKept() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("data")
        for mode in [0o640, 0o600, 0o604] {
            try AtomicFile.write(Array("old".utf8), to: file, creatingWith: .ownerWriteAllRead)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
            try AtomicFile.write(Array("new".utf8), to: file, creatingWith: .ownerWriteAllRead)
            #expect(try Self.mode(file) == mode)
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
        }
    }

    @Test("a symbolic link stays a link and its target gets the data, with the target's mode kept")
    func symlinkWrittenThrough() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("elsewhere"), withIntermediateDirectories: true)
        let target = directory.file("elsewhere/real.json")
        try AtomicFile.write(Array("old".utf8), to: target, creatingWith: .ownerReadWrite)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        try FileManager.default.createSymbolicLink(atPath: directory.file("link.json"), withDestinationPath: "elsewhere/real.json")
        try AtomicFile.write(Array("new".utf8), to: directory.file("link.json"), creatingWith: .ownerReadWrite)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.file("link.json")) == "elsewhere/real.json")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(try Self.mode(target) == 0o640)
        #expect(try Self.names(directory.file("elsewhere")) == ["real.json"])
    }

    @Test("a dangling link gets its target created")
    func danglingLink() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.file("link"), withDestinationPath: directory.file("new"))
        try AtomicFile.write(Array("x".utf8), to: directory.file("link"), creatingWith: .ownerReadWrite)
        #expect(try String(contentsOfFile: directory.file("new"), encoding: .utf8) == "x")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.file("link")) == directory.file("new"))
    }

    @Test("a missing directory, a path under a regular file and a directory in the file's place are errors naming the path; nothing is left behind")
    func failures() throws {
        let directory = try TemporaryDirectory()
        try AtomicFile.write([1], to: directory.file("plain"), creatingWith: .ownerReadWrite)
        try FileManager.default.createDirectory(atPath: directory.file("dir"), withIntermediateDirectories: true)
        let cases: [(String, Int32, String)] = [
            (directory.file("missing/x.xml"), ENOENT, "No such file or directory"),
            (directory.file("plain/x.xml"), ENOTDIR, "Not a directory"),
            (directory.file("dir"), EISDIR, "Is a directory"),
        ]
        for (path, code, text) in cases {
            #expect(throws: FileSafetyError(path: path, reason: .system(code))) {
                try AtomicFile.write([1, 2, 3], to: path, creatingWith: .ownerWriteAllRead)
            }
            #expect(FileSafetyError(path: path, reason: .system(code)).description == "\(path): \(text)")
        }
        #expect(try Self.names(directory.path) == ["dir", "plain"])
        #expect(try Self.names(directory.file("dir")).isEmpty)
    }

    @Test("a device is written in place, not replaced: /dev/full is ENOSPC, /dev/null takes the bytes")
    func devices() throws {
        #expect(throws: FileSafetyError(path: "/dev/full", reason: .system(ENOSPC))) {
            try AtomicFile.write([1, 2, 3], to: "/dev/full", creatingWith: .ownerWriteAllRead)
        }
        try AtomicFile.write([1, 2, 3], to: "/dev/null", creatingWith: .ownerWriteAllRead)
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("a read-only directory is EACCES and the old file is kept (skipped as root, which ignores permission bits)",
          .enabled(if: geteuid() != 0))
    func readOnlyDirectory() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("kept")
        try AtomicFile.write(Array("old".utf8), to: file, creatingWith: .ownerReadWrite)
        chmod(directory.path, 0o500)
        defer { chmod(directory.path, 0o700) }
        #expect(throws: FileSafetyError(path: file, reason: .system(EACCES))) {
            try AtomicFile.write(Array("new".utf8), to: file, creatingWith: .ownerReadWrite)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old")
    }

    @Test("removeLeftovers removes only the file's own temporary files")
    func leftovers() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("store.json")
        try AtomicFile.write([1], to: file, creatingWith: .ownerReadWrite)
        for name in [".store.json.tmp-1-a", ".store.json.tmp-2-b", ".other.json.tmp-1-a", "store.json.lock"] {
            #expect(FileManager.default.createFile(atPath: directory.file(name), contents: Data()))
        }
        #expect(try AtomicFile.removeLeftovers(of: file) == 2)
        #expect(try Self.names(directory.path) == [".other.json.tmp-1-a", "store.json", "store.json.lock"])
    }

    @Test("readers on other threads never see a torn file while it is replaced 300 times")
    func readersSeeWholeFiles() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("data")
        let contents = (0..<3).map { [UInt8](repeating: UInt8(65 + $0), count: 200_000) }
        try AtomicFile.write(contents[0], to: file, creatingWith: .ownerReadWrite)
        let torn = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for round in 0..<300 {
                    try AtomicFile.write(contents[round % 3], to: file, creatingWith: .ownerReadWrite)
                }
                return 0
            }
            for _ in 0..<2 {
                group.addTask {
                    var bad = 0
                    for _ in 0..<300 {
                        let bytes = try FileContents.read(file) ?? []
                        if bytes.count != 200_000 || Set(bytes).count != 1 { bad += 1 }
                    }
                    return bad
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(torn == 0)
    }
}
