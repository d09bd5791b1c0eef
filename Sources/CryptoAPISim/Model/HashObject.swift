import Synchronization

/// The state of a hash object: data is appended until the value is read, then it is finished.
package final class HashObject: Sendable {
    /// The hash algorithm.
    package let algorithm: HashAlgorithm
    private let state: Mutex<Progress>

    private struct Progress {
        var running: RunningDigest
        var value: [UInt8]?
        var bytesHashed = 0
    }

    /// Starts an empty hash.
    package init(algorithm: HashAlgorithm) {
        self.algorithm = algorithm
        self.state = Mutex(Progress(running: RunningDigest(algorithm)))
    }

    /// Whether the value has been read, after which no more data is taken.
    package var isFinished: Bool {
        state.withLock { $0.value != nil }
    }

    /// The number of bytes hashed so far.
    package var bytesHashed: Int {
        state.withLock { $0.bytesHashed }
    }

    /// Appends data; false (nothing appended) when the hash is finished.
    @discardableResult
    package func append(_ bytes: ArraySlice<UInt8>) -> Bool {
        state.withLock { progress in
            guard progress.value == nil else { return false }
            progress.running.update(bytes)
            progress.bytesHashed += bytes.count
            return true
        }
    }

    /// The hash value; the first read finishes the hash.
    package func value() -> [UInt8] {
        state.withLock { progress in
            if let value = progress.value { return value }
            let value = progress.running.finalize()
            progress.value = value
            return value
        }
    }
}
