import FileSafety
import Foundation
import Testing

@Suite("FileContents and Directories")
struct FileContentsTests {
    @Test("a missing file reads as nil, a directory is EISDIR, a file as its bytes")
    func read() throws {
        let directory = try TemporaryDirectory()
        #expect(try FileContents.read(directory.file("none")) == nil)
        #expect(throws: FileSafetyError(path: directory.path, reason: .system(EISDIR))) {
            try FileContents.read(directory.path)
        }
        try AtomicFile.write([1, 2, 3], to: directory.file("f"), creatingWith: .ownerReadWrite)
        #expect(try FileContents.read(directory.file("f")) == [1, 2, 3])
        #expect(throws: FileSafetyError(path: directory.file("f"), reason: .system(EFBIG))) {
            try FileContents.read(directory.file("f"), limit: 2)
        }
        #expect(throws: FileSafetyError(path: "/dev/zero", reason: .system(EFBIG))) {
            try FileContents.read("/dev/zero", limit: 1 << 20)
        }
    }

    @Test("Directories.create makes missing levels 0700, leaves existing ones, and refuses a file in the way")
    func createDirectories() throws {
        let directory = try TemporaryDirectory()
        try Directories.create(directory.file("a/b/c"), permissions: .ownerOnlyDirectory)
        for path in ["a", "a/b", "a/b/c"] {
            let mode = try FileManager.default.attributesOfItem(atPath: directory.file(path))[.posixPermissions] as? Int
            #expect(mode == 0o700)
        }
        chmod(directory.file("a"), 0o755)
        try Directories.create(directory.file("a/b/c"), permissions: .ownerOnlyDirectory)
        #expect(try FileManager.default.attributesOfItem(atPath: directory.file("a"))[.posixPermissions] as? Int == 0o755)
        try AtomicFile.write([1], to: directory.file("plain"), creatingWith: .ownerReadWrite)
        #expect(throws: FileSafetyError(path: directory.file("plain/x"), reason: .system(ENOTDIR))) {
            try Directories.create(directory.file("plain/x"), permissions: .ownerOnlyDirectory)
        }
    }
}
