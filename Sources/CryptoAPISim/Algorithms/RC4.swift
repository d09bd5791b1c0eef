/// The RC4 stream cipher (`CALG_RC4`): a key schedule, then a keystream XORed with the data.
///
/// Checked against the test vectors of RFC 6229.
public struct RC4: Sendable {
    private var state: [UInt8]
    private var i: UInt8 = 0
    private var j: UInt8 = 0

    /// Runs the key schedule for a key of 1 to 256 bytes (an empty key is treated as one zero byte).
    public init(key: [UInt8]) {
        let key = key.isEmpty ? [0] : key
        var state = (0...255).map { UInt8($0) }
        var j: UInt8 = 0
        for index in 0..<256 {
            j = j &+ state[index] &+ key[index % key.count]
            state.swapAt(index, Int(j))
        }
        self.state = state
    }

    /// The next `count` keystream bytes.
    public mutating func keystream(_ count: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            i = i &+ 1
            j = j &+ state[Int(i)]
            state.swapAt(Int(i), Int(j))
            output[index] = state[Int(state[Int(i)] &+ state[Int(j)])]
        }
        return output
    }

    /// Encrypts or decrypts (the same operation) by XORing with the next keystream bytes.
    public mutating func apply(_ data: [UInt8]) -> [UInt8] {
        let stream = keystream(data.count)
        return zip(data, stream).map { $0 ^ $1 }
    }
}
