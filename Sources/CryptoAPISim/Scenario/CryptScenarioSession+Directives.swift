import ScenarioKit

extension CryptScenarioSession {
    /// What a directive did: the function whose expectation applies, the outcome, and the
    /// expectation to check (a resumed call's own, unless the directive gives one).
    struct DirectiveResult {
        var function: String
        var outcome: CryptOutcome
        var expectation: ScenarioExpectation?
    }

    /// Runs a directive: `@thread`, `@profile`, `@buffer`, `@pause`, `@resume`.
    mutating func perform(_ directive: ScenarioDirective, line: Int) throws(ScenarioRuntimeError) -> DirectiveResult {
        let words = directive.words
        var result = DirectiveResult(function: "@" + directive.name, outcome: CryptOutcome(kind: .void))
        switch directive.name {
        case "thread":
            guard let first = words[0].unicodeScalars.first, first.properties.isAlphabetic else {
                throw ScenarioRuntimeError(column: 1, message: "a thread name starts with a letter, as in T2")
            }
            thread = words[0]
            result.outcome.notes = ["calls now run on \(thread)"]
        case "profile":
            guard let profile = CryptProfile(rawValue: words[0]) else {
                throw ScenarioRuntimeError(column: 1, message: "unknown profile '\(words[0])': windows or documented")
            }
            simulator.profile = profile
            result.outcome.notes = ["profile \(profile.rawValue)"]
        case "buffer":
            let (name, bytes) = try buffer(words)
            buffers[name] = bytes
            result.outcome.notes = ["buffer \(name): \(bytes.count) bytes"]
        case "pause":
            guard let chunks = Int(words[0]), chunks > 0 else {
                throw ScenarioRuntimeError(column: 1, message: "@pause takes a number of chunks (1 or more)")
            }
            armed[thread] = simulator.armPause(on: thread, afterChunks: chunks)
            result.outcome.notes = [
                "the next call on \(thread) stops inside CryptHashData after \(chunks) chunk(s) of \(simulator.chunkSize) bytes"
            ]
        default:
            result = try resume(words[0], expectation: directive.expectation)
        }
        return result
    }

    /// `@resume T`: lets the call stopped on T finish, and reports its return.
    mutating func resume(_ name: String, expectation: ScenarioExpectation?) throws(ScenarioRuntimeError)
        -> DirectiveResult
    {
        guard let call = pending.removeValue(forKey: name) else {
            throw ScenarioRuntimeError(column: 1, message: "\(name) has no call stopped inside the API")
        }
        call.pause.resume()
        let finished = call.pause.waitUntilFinished()
        var outcome = call.result.value ?? CryptOutcome(kind: .void)
        outcome = bind(outcome, to: call.bindings)
        outcome.notes.insert("\(call.function) of line \(call.line) on \(name) " + (finished ? "returned" : "did not return in time"), at: 0)
        return DirectiveResult(function: call.function, outcome: outcome, expectation: expectation ?? call.expectation)
    }

    /// Steps for the calls still stopped at the end of a run, resumed so no thread is left waiting.
    mutating func resumeAll() -> [ScenarioStep] {
        var steps: [ScenarioStep] = []
        for name in pending.keys.sorted() {
            guard let line = pending[name]?.line, let result = try? resume(name, expectation: nil) else { continue }
            let expected = result.expectation.flatMap { try? CryptExpectation($0, function: result.function) }
            let outcome = Self.report(result.outcome, expected: expected)
            var step = ScenarioStep(
                line: line, call: "@resume", arguments: [name], returned: outcome.returned, lastError: outcome.lastError,
                output: outcome.output, bound: outcome.bound, met: outcome.met,
                expected: result.expectation?.words.joined(separator: " "), notes: outcome.notes)
            step.notes.append("end of scenario: \(name) resumed")
            steps.append(step)
        }
        for name in armed.keys { simulator.disarmPause(on: name) }
        armed = [:]
        return steps
    }

    /// `@buffer NAME SIZE [PATTERN]`: SIZE bytes of PATTERN repeated (text, or x"hex"; zero bytes by default).
    func buffer(_ words: [String]) throws(ScenarioRuntimeError) -> (String, [UInt8]) {
        let name = words[0]
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            throw ScenarioRuntimeError(column: 1, message: "a buffer name starts with a letter")
        }
        let sizeText = words[1].lowercased()
        let size = sizeText.hasPrefix("0x") ? Int(sizeText.dropFirst(2), radix: 16) : Int(sizeText)
        guard let size, size >= 0, size <= Self.largestBuffer else {
            throw ScenarioRuntimeError(column: 1, message: "a buffer size is 0 to \(Self.largestBuffer) bytes")
        }
        var pattern: [UInt8] = [0]
        if words.count > 2 {
            pattern = try Self.pattern(words[2])
        }
        guard !pattern.isEmpty else { throw ScenarioRuntimeError(column: 1, message: "the fill pattern is empty") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(size)
        while bytes.count < size {
            bytes.append(contentsOf: pattern.prefix(size - bytes.count))
        }
        return (name, bytes)
    }

    private static func pattern(_ word: String) throws(ScenarioRuntimeError) -> [UInt8] {
        guard word.hasPrefix("x\""), word.hasSuffix("\""), word.count >= 3 else { return Array(word.utf8) }
        let digits = Array(word.dropFirst(2).dropLast())
        guard digits.count % 2 == 0 else { throw ScenarioRuntimeError(column: 1, message: "odd number of hex digits") }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else {
                throw ScenarioRuntimeError(column: 1, message: "'\(word)' is not hex")
            }
            bytes.append(byte)
        }
        return bytes
    }
}
