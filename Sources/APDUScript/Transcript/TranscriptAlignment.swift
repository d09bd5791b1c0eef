/// Pairs the exchanges of two transcripts: equal commands in the same order are matched (longest
/// common subsequence), and what lies between two matches is paired in order, the rest left alone.
enum TranscriptAlignment {
    /// One row of the alignment: an index into the golden list, the actual list, or both.
    struct Pair: Equatable {
        let golden: Int?
        let actual: Int?
    }

    /// Above this many cells the alignment pairs by position instead of searching for matches.
    static let searchLimit = 4_000_000

    /// The alignment of two lists of keys (commands).
    static func align(_ golden: [String], _ actual: [String]) -> [Pair] {
        if golden == actual || golden.isEmpty || actual.isEmpty || golden.count * actual.count > searchLimit {
            return positional(golden.indices, actual.indices)
        }
        var pairs: [Pair] = []
        var lastGolden = 0
        var lastActual = 0
        for (g, a) in matches(golden, actual) {
            pairs += positional(lastGolden..<g, lastActual..<a)
            pairs.append(Pair(golden: g, actual: a))
            lastGolden = g + 1
            lastActual = a + 1
        }
        pairs += positional(lastGolden..<golden.count, lastActual..<actual.count)
        return pairs
    }

    /// Pairs two ranges in order; the longer one's tail stands alone.
    static func positional(_ golden: Range<Int>, _ actual: Range<Int>) -> [Pair] {
        var pairs: [Pair] = []
        let common = min(golden.count, actual.count)
        for offset in 0..<common {
            pairs.append(Pair(golden: golden.lowerBound + offset, actual: actual.lowerBound + offset))
        }
        for index in (golden.lowerBound + common)..<golden.upperBound { pairs.append(Pair(golden: index, actual: nil)) }
        for index in (actual.lowerBound + common)..<actual.upperBound { pairs.append(Pair(golden: nil, actual: index)) }
        return pairs
    }

    /// The index pairs of a longest common subsequence, in order.
    static func matches(_ golden: [String], _ actual: [String]) -> [(Int, Int)] {
        let n = golden.count
        let m = actual.count
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        func cell(_ i: Int, _ j: Int) -> Int { i * (m + 1) + j }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[cell(i, j)] = golden[i] == actual[j]
                    ? table[cell(i + 1, j + 1)] + 1
                    : max(table[cell(i + 1, j)], table[cell(i, j + 1)])
            }
        }
        var result: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < n && j < m {
            if golden[i] == actual[j] {
                result.append((i, j))
                i += 1
                j += 1
            } else if table[cell(i + 1, j)] >= table[cell(i, j + 1)] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}
