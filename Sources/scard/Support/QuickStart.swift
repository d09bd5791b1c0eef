/// Reads the argument vectors of `scard list-readers`, the command that must start fast, without
/// swift-argument-parser: its reflection over the command tree costs more than the rest of the run.
/// A vector it does not read with certainty (help, an unknown, repeated or misplaced option, a value
/// the command would refuse) is left to the full parser, so every vector both accept means the same
/// to both (`QuickStartTests` checks them against each other).
enum QuickStart {
    /// What a vector read here asks for.
    enum Request: Equatable {
        /// `scard list-readers` with these options.
        case listReaders(ListReadersOptions)
    }

    /// The request `arguments` (without the program's name) make, or nil when the full parser must read them.
    static func request(_ arguments: [String]) -> Request? {
        guard arguments.first == "list-readers" else { return nil }
        var options = ListReadersOptions()
        var seen: [String] = []
        var index = 1
        while index < arguments.count {
            let (name, attached) = split(arguments[index])
            index += 1
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            switch name {
            case "--trace" where attached == nil:
                options.trace = true
            case "--json" where attached == nil:
                options.json = true
            case "--timeout":
                guard let text = value(attached, arguments, &index), let seconds = Double(text),
                      Deadlines.isValid(seconds) else { return nil }
                options.timeout = seconds
            case "--atr-list":
                guard let path = value(attached, arguments, &index) else { return nil }
                options.atrList = path
            default:
                return nil
            }
        }
        guard (try? Deadlines.validateEnvironment()) != nil else { return nil }
        return .listReaders(options)
    }

    /// Runs what `request` asks for.
    static func run(_ request: Request) throws {
        switch request {
        case .listReaders(let options): try ListReaders.run(options)
        }
    }

    /// Whether `request` prints JSON, so that an error ends with a JSON `error` line too.
    static func printsJSON(_ request: Request) -> Bool {
        switch request {
        case .listReaders(let options): options.json
        }
    }

    /// `--name=value` as its name and value; any other argument as itself and nil.
    private static func split(_ argument: String) -> (name: String, attached: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// An option's value: the part after `=`, else the next argument; nil when it is missing, empty,
    /// or looks like an option (those the full parser reads, or refuses).
    private static func value(_ attached: String?, _ arguments: [String], _ index: inout Int) -> String? {
        let text: String
        if let attached {
            text = attached
        } else {
            guard index < arguments.count else { return nil }
            text = arguments[index]
            index += 1
        }
        guard let first = text.utf8.first, first != UInt8(ascii: "-") else { return nil }
        return text
    }
}
