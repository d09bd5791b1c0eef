@preconcurrency import Glibc

/// An input named on the command line (a path, or `-` for standard input), read through POSIX
/// `open`, `fstat` and `read`: regular files, FIFOs, `/dev/stdin`, `/dev/fd/N` and character
/// devices all read as streams, a directory is refused, and a size limit keeps memory bounded.
struct InputFile: ~Copyable {
    /// The most a script or a scenario may hold: 16 MiB.
    static let scriptLimit = 16 << 20
    /// The most a golden transcript may hold: 256 MiB.
    static let transcriptLimit = 256 << 20
    /// The most one line of `send -` may hold: 1 MiB, well over the longest APDU written in hex.
    static let lineLimit = 1 << 20

    /// The path as given (`-` for standard input).
    let path: String
    private let descriptor: Int32
    private let owned: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    /// Opens `path` (`-`: standard input) and checks that it is not a directory.
    init(_ path: String) throws(CLIError) {
        self.path = path
        owned = path != "-"
        descriptor = try Self.open(path)
    }

    /// The descriptor of `path` (`-`: standard input), checked with `fstat` not to be a directory.
    private static func open(_ path: String) throws(CLIError) -> Int32 {
        var fd: Int32 = STDIN_FILENO
        if path != "-" {
            repeat { fd = Glibc.open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
            if fd < 0 { throw failure(path, errno) }
        }
        var status = stat()
        var code: Int32 = 0
        if fstat(fd, &status) != 0 {
            code = errno
        } else if status.st_mode & S_IFMT == S_IFDIR {
            code = EISDIR
        }
        if code != 0 {
            if path != "-" { close(fd) }
            throw failure(path, code)
        }
        return fd
    }

    deinit {
        if owned { close(descriptor) }
    }

    /// How the input is named in messages: the path, bounded, or `standard input`.
    var displayName: String { Self.displayName(path) }

    /// Every byte of the input; more than `limit` bytes is a usage error that says so.
    consuming func readAll(limit: Int = InputFile.scriptLimit) throws(CLIError) -> [UInt8] {
        while !atEnd {
            if buffer.count > limit { throw tooLarge(limit) }
            try fill()
        }
        if buffer.count > limit { throw tooLarge(limit) }
        return buffer
    }

    /// The whole input as UTF-8 text, within `limit` bytes; invalid UTF-8 is a usage error when
    /// `strict`, else each bad sequence becomes U+FFFD.
    consuming func readText(limit: Int = InputFile.scriptLimit, strict: Bool = true) throws(CLIError) -> String {
        let name = displayName
        let bytes = try readAll(limit: limit)
        if strict {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CLIError.usage("\(name): not UTF-8 text")
            }
            return text
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The next chunk of at most 64 KiB, or nil at the end of the input: for inputs of any size.
    mutating func nextChunk() throws(CLIError) -> [UInt8]? {
        if start == buffer.count && !atEnd {
            buffer.removeAll(keepingCapacity: true)
            start = 0
            try fill()
        }
        guard start < buffer.count else { return nil }
        defer {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        return Array(buffer[start...])
    }

    /// The next line without its line break, or nil at the end of the input; a line longer than
    /// `limit` bytes is a usage error. `beforeReading` runs before each `read` the line needs (where a
    /// stream may block), so a caller can flush what it printed.
    mutating func nextLine(limit: Int = InputFile.lineLimit, beforeReading: () -> Void = {}) throws(CLIError) -> String? {
        var scanned = start
        while true {
            if let end = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                return try takeLine(upTo: end, limit: limit, skipping: 1)
            }
            scanned = buffer.count
            if scanned - start > limit { throw lineTooLong(limit) }
            if atEnd {
                return start < buffer.count ? try takeLine(upTo: buffer.count, limit: limit, skipping: 0) : nil
            }
            beforeReading()
            try fill()
        }
    }

    private mutating func takeLine(upTo end: Int, limit: Int, skipping: Int) throws(CLIError) -> String {
        if end - start > limit { throw lineTooLong(limit) }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = end + skipping
        if start > 64 * 1024 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return line
    }

    /// Reads one more chunk (retrying on EINTR); sets `atEnd` at the end of the input.
    private mutating func fill() throws(CLIError) {
        let chunk = 64 * 1024
        let fd = descriptor
        let got = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { scratch in
            var got: Int
            repeat { got = read(fd, scratch.baseAddress, chunk) } while got < 0 && errno == EINTR
            if got > 0 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<got])) }
            return got < 0 ? -Int(errno) : got
        }
        if got < 0 { throw Self.failure(path, Int32(-got)) }
        if got == 0 { atEnd = true }
    }

    private func lineTooLong(_ limit: Int) -> CLIError {
        CLIError.usage("\(displayName): a line is longer than \(Self.sizeText(limit))")
    }

    private func tooLarge(_ limit: Int) -> CLIError {
        CLIError.usage("\(displayName): larger than the limit of \(Self.sizeText(limit))")
    }

    /// `16 MiB`, `1 MiB`, or bytes when smaller.
    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// How `path` is named in messages.
    static func displayName(_ path: String) -> String {
        path == "-" ? "standard input" : EchoedText.bounded(path, limit: 256)
    }

    /// The usage error for a failed call on `path`: `PATH: cannot read the file (No such file or directory)`.
    static func failure(_ path: String, _ code: Int32) -> CLIError {
        let reason = String(cString: strerror(code))
        if path == "-" { return CLIError.usage("cannot read standard input (\(reason))") }
        return CLIError.usage("\(displayName(path)): cannot read the file (\(reason))")
    }
}
