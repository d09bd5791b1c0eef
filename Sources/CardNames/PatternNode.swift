/// The parsed form of an ATR pattern line that uses more than the direct matcher reads: groups,
/// alternation, counted repeats, escapes or anchors (see ``PatternParser``).
enum PatternNode: Sendable {
    /// One byte out of a set (a literal, `.`, a bracket class or an escape such as `\d`).
    case bytes(ByteSet)
    /// `^`: the start of the ATR text.
    case start
    /// `$`: the end of the ATR text.
    case end
    /// The nodes one after the other (empty: the empty text).
    case sequence([PatternNode])
    /// Any one of the branches (`a|b|c`).
    case alternation([PatternNode])
    /// The node repeated `least` to `most` times (`most` nil: without limit).
    indirect case repetition(PatternNode, least: Int, most: Int?)

    /// The number of instructions ``emit(into:)`` writes, counted no higher than `limit + 1`.
    func size(limit: Int) -> Int {
        let size: Int
        switch self {
        case .bytes, .start, .end:
            size = 1
        case .sequence(let nodes):
            size = nodes.reduce(0) { min($0 + $1.size(limit: limit), limit + 1) }
        case .alternation(let branches):
            size = branches.reduce(2 * (branches.count - 1)) { min($0 + $1.size(limit: limit), limit + 1) }
        case .repetition(let node, let least, let most):
            let once = node.size(limit: limit)
            guard once > 0 else { return 0 }
            let optional = most.map { ($0 - least) * (once + 1) } ?? once + 2
            size = least * once + optional
        }
        return min(size, limit + 1)
    }

    /// Appends the instructions matching this node to `program`; each instruction goes on to the next
    /// one unless it says otherwise.
    func emit(into program: inout [PatternInstruction]) {
        switch self {
        case .bytes(let set):
            program.append(.bytes(set))
        case .start:
            program.append(.start)
        case .end:
            program.append(.end)
        case .sequence(let nodes):
            for node in nodes { node.emit(into: &program) }
        case .alternation(let branches):
            var exits: [Int] = []
            for branch in branches.dropLast() {
                let split = program.count
                program.append(.split(split + 1, split + 1))
                branch.emit(into: &program)
                exits.append(program.count)
                program.append(.jump(0))
                program[split] = .split(split + 1, program.count)
            }
            branches.last?.emit(into: &program)
            for exit in exits { program[exit] = .jump(program.count) }
        case .repetition(let node, let least, let most):
            // A node that writes no instruction matches only the empty text, however often repeated.
            guard node.size(limit: 1) > 0 else { return }
            for _ in 0..<least { node.emit(into: &program) }
            if let most {
                var splits: [Int] = []
                for _ in least..<most {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, program.count + 1))
                    node.emit(into: &program)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, loop + 1))
                node.emit(into: &program)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
