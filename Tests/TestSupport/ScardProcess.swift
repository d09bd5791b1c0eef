import Foundation
import Glibc

/// Runs the built `scard` binary as a user would, for the tests that go through the command line.
public enum ScardProcess {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        /// The exit status.
        public let status: Int32
        /// Everything written to standard output.
        public let stdout: String
        /// Everything written to standard error.
        public let stderr: String

        /// Standard output split into lines, without the trailing empty one.
        public var lines: [String] {
            stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        }
    }

    /// The `scard` binary: `$SCARD_BINARY`, else the one beside the test bundle.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SCARD_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("scard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fromArgument = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return fromArgument.appendingPathComponent("scard")
    }

    /// The project's root folder (holding Package.swift).
    public static var projectRoot: URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Runs `scard` with arguments, optional standard input and extra environment, bounded by `timeout` seconds.
    public static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        timeout: TimeInterval = 60
    ) throws -> Result {
        try runExecutable(binary, arguments, stdin: stdin, environment: environment, timeout: timeout)
    }

    /// Runs any executable the same way (scripts of the project, peers).
    public static func runExecutable(
        _ executable: URL, _ arguments: [String], stdin: String? = nil,
        environment: [String: String] = [:], timeout: TimeInterval = 60
    ) throws -> Result {
        try Running(executable, arguments, stdin: stdin, environment: environment).wait(timeout: timeout)
    }

    /// Starts `scard` now, in the background, with extra environment; `wait` collects its result.
    public static func start(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Running {
        try Running(binary, arguments, stdin: stdin, environment: environment)
    }

    /// A process started in the background, whose output is being collected.
    public final class Running: @unchecked Sendable {
        let process = Process()
        let outData: DataCollector
        let errData: DataCollector
        let command: String

        init(_ executable: URL, _ arguments: [String], stdin: String?, environment: [String: String]) throws {
            process.executableURL = executable
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            for (key, value) in environment { env[key] = value }
            process.environment = env
            let out = Pipe()
            let err = Pipe()
            let input = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = input
            command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
            try process.run()
            try? out.fileHandleForWriting.close()
            try? err.fileHandleForWriting.close()
            outData = DataCollector(out.fileHandleForReading)
            errData = DataCollector(err.fileHandleForReading)
            Self.feed(input.fileHandleForWriting, stdin.map { Array($0.utf8) } ?? [])
        }

        /// Writes `bytes` to the child's standard input on a thread of its own and then closes it, so
        /// that starting a run never waits for the child to read its input; a child that exits
        /// before reading it all ends the writing (SIGPIPE is blocked in the writing thread alone,
        /// so the write fails instead of ending the test run, and children inherit nothing of it).
        private static func feed(_ handle: FileHandle, _ bytes: [UInt8]) {
            guard !bytes.isEmpty else {
                try? handle.close()
                return
            }
            Thread.detachNewThread {
                var brokenPipe = sigset_t()
                sigemptyset(&brokenPipe)
                sigaddset(&brokenPipe, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &brokenPipe, nil)
                bytes.withUnsafeBytes { raw in
                    var offset = 0
                    while offset < raw.count {
                        let written = write(handle.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                        if written < 0 && errno == EINTR { continue }
                        if written <= 0 { break }
                        offset += written
                    }
                }
                try? handle.close()
            }
        }


        /// Whether the process is still running.
        public var isRunning: Bool { process.isRunning }

        /// What the process has written to standard error so far (unbuffered in scard, so it
        /// shows how far a run has got, for example with `--trace`).
        public var errorSoFar: String {
            String(decoding: errData.current, as: UTF8.self)
        }

        /// Waits (at most `timeout` seconds) until standard error contains `text`; false when it did not.
        public func waitForError(containing text: String, timeout: TimeInterval = 30) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if errorSoFar.contains(text) { return true }
                if !process.isRunning { return errorSoFar.contains(text) }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return false
        }

        /// Sends a signal to the process (SIGINT for Ctrl-C).
        public func signal(_ number: Int32) {
            kill(process.processIdentifier, number)
        }

        /// Waits for the process to end (at most `timeout` seconds, then it is killed) and returns its result.
        public func wait(timeout: TimeInterval = 60) throws -> Result {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.005)
            }
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
                throw TimeoutError(command: command)
            }
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus,
                stdout: String(decoding: outData.finish(), as: UTF8.self),
                stderr: String(decoding: errData.finish(), as: UTF8.self))
        }
    }

    /// A run that did not end in time.
    public struct TimeoutError: Error, CustomStringConvertible {
        /// The command line.
        public let command: String
        /// `timed out: scard ...`.
        public var description: String { "timed out: \(command)" }
    }
}

/// Reads a pipe to its end on a background thread, so a chatty child never blocks on a full pipe.
final class DataCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                data.append(chunk)
                lock.unlock()
            }
            done.signal()
        }
    }

    /// The data read so far.
    var current: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }

    /// The data read; waits for the end of the pipe at most `grace` seconds after the process
    /// exited (a daemon the process started may still hold the pipe open).
    func finish(grace: TimeInterval = 3) -> Data {
        _ = done.wait(timeout: .now() + grace)
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
