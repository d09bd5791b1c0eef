/// One step of a ``PatternProgram``.
enum PatternInstruction: Sendable {
    /// Takes one byte of the subject if it is in the set, and goes on to the next instruction.
    case bytes(ByteSet)
    /// Goes on at the first instruction and, if that fails, at the second.
    case split(Int, Int)
    /// Goes on at the instruction.
    case jump(Int)
    /// Goes on only at the start of the subject.
    case start
    /// Goes on only at the end of the subject.
    case end
    /// The whole pattern matched; a match when the subject is used up.
    case match
}

/// An ATR pattern line that uses groups, alternation, counted repeats, escapes or anchors (the
/// syntax ``PatternParser`` reads), compiled to a short program and matched against the whole ATR
/// text by backtracking.
///
/// Each pair of (instruction, subject position) is tried at most once: reaching a pair again means
/// either that it failed before or that a loop came back to it without taking a byte, and neither
/// can lead anywhere new. So matching takes at most (instructions x (subject length + 1)) steps,
/// however the pattern nests its quantifiers (`(.*)*(.*)*X` included), and never recurses.
struct PatternProgram: Sendable {
    /// The largest program compiled; a pattern needing more (`((..){1000}){1000}`) is refused.
    static let maximumInstructions = 10_000

    /// The instructions; the first is where matching starts.
    let instructions: [PatternInstruction]

    /// Compiles a pattern line; nil when it uses syntax outside the subset or needs more than
    /// ``maximumInstructions`` instructions.
    init?(_ pattern: UnsafeBufferPointer<UInt8>) {
        guard let node = PatternParser.parse(pattern) else { return nil }
        let size = node.size(limit: Self.maximumInstructions)
        guard size < Self.maximumInstructions else { return nil }
        var instructions: [PatternInstruction] = []
        instructions.reserveCapacity(size + 1)
        node.emit(into: &instructions)
        instructions.append(.match)
        self.instructions = instructions
    }

    /// Compiles a pattern line given as text.
    init?(_ pattern: some StringProtocol) {
        var text = String(pattern)
        guard let program = text.withUTF8({ PatternProgram($0) }) else { return nil }
        self = program
    }

    /// Whether the program matches the whole of `subject` (the ATR text), without regard to case.
    func matches(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        let width = subject.count + 1
        var tried = [UInt64](repeating: 0, count: (instructions.count * width + 63) / 64)
        var pending = [0]
        while let state = pending.popLast() {
            var instruction = state / width
            var position = state % width
            following: while true {
                let pair = instruction * width + position
                let bit = UInt64(1) << UInt64(pair & 63)
                guard tried[pair >> 6] & bit == 0 else { break following }
                tried[pair >> 6] |= bit
                switch instructions[instruction] {
                case .bytes(let set):
                    guard position < subject.count, set.contains(subject[position]) else { break following }
                    instruction += 1
                    position += 1
                case .split(let first, let second):
                    pending.append(second * width + position)
                    instruction = first
                case .jump(let target):
                    instruction = target
                case .start:
                    guard position == 0 else { break following }
                    instruction += 1
                case .end:
                    guard position == subject.count else { break following }
                    instruction += 1
                case .match:
                    if position == subject.count { return true }
                    break following
                }
            }
        }
        return false
    }
}
