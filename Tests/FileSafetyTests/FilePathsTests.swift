import FileSafety
import Foundation
import Testing

@Suite("FilePaths: directory, name and the end of a chain of links")
struct FilePathsTests {
    @Test("directory and name of plain, rooted, bare and slash-ended paths")
    func directoryAndName() {
        #expect(FilePaths.directory(of: "/a/b/c.json") == "/a/b")
        #expect(FilePaths.name(of: "/a/b/c.json") == "c.json")
        #expect(FilePaths.directory(of: "/c") == "/")
        #expect(FilePaths.directory(of: "c") == ".")
        #expect(FilePaths.name(of: "c") == "c")
        #expect(FilePaths.directory(of: "a//b/") == "a")
        #expect(FilePaths.name(of: "a/b/") == "b")
    }

    @Test("a chain of relative and absolute links ends at its last target, which need not exist")
    func followingLinks() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path + "/real/data.json"
        try FileManager.default.createDirectory(atPath: directory.path + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/second", withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/first", withDestinationPath: "second")
        #expect(try FilePaths.followingLinks(directory.path + "/first") == target)
        #expect(try FilePaths.followingLinks(target) == target)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/loop", withDestinationPath: "loop")
        #expect(throws: FileSafetyError(path: directory.path + "/loop", reason: .system(ELOOP))) {
            try FilePaths.followingLinks(directory.path + "/loop")
        }
    }
}
