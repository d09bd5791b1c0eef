/// Reads the argument vectors of the commands that must start fast (`scard list-readers`, and
/// `scard atr` with an ATR in hex) without swift-argument-parser: its reflection over the command
/// tree costs more than the rest of the run. A vector it does not read with certainty (help, an
/// unknown, repeated or misplaced option, a value the command would refuse) is left to the full
/// parser, so every vector both accept means the same to both (`QuickStartTests` checks them against
/// each other).
enum QuickStart {
    /// What a vector read here asks for.
    enum Request: Equatable {
        /// `scard list-readers` with these options.
        case listReaders(ListReadersOptions)
        /// `scard atr` decoding an ATR given in hex.
        case atr(ATROptions)
    }

    /// The request `arguments` (without the program's name) make, or nil when the full parser must read them.
    static func request(_ arguments: [String]) -> Request? {
        guard var tokens = Tokens(arguments) else { return nil }
        switch tokens.command {
        case "list-readers": return listReaders(&tokens).map(Request.listReaders)
        case "atr": return atr(&tokens).map(Request.atr)
        default: return nil
        }
    }

    /// Runs what `request` asks for.
    static func run(_ request: Request) throws {
        switch request {
        case .listReaders(let options): try ListReaders.run(options)
        case .atr(let options): try ATRDecoding.run(options)
        }
    }

    /// Whether `request` prints JSON, so that an error ends with a JSON `error` line too.
    static func printsJSON(_ request: Request) -> Bool {
        switch request {
        case .listReaders(let options): options.json
        case .atr(let options): options.json
        }
    }

    /// `list-readers [--trace] [--json] [--timeout SECONDS] [--atr-list FILE]`.
    private static func listReaders(_ tokens: inout Tokens) -> ListReadersOptions? {
        var options = ListReadersOptions()
        while let token = tokens.next() {
            guard case .option(let name, let attached) = token else { return nil }
            switch name {
            case "--trace" where attached == nil:
                options.trace = true
            case "--json" where attached == nil:
                options.json = true
            case "--timeout":
                guard let text = tokens.value(attached), let seconds = Double(text), Deadlines.isValid(seconds) else { return nil }
                options.timeout = seconds
            case "--atr-list":
                guard let path = tokens.value(attached) else { return nil }
                options.atrList = path
            default:
                return nil
            }
        }
        guard (try? Deadlines.validateEnvironment()) != nil else { return nil }
        return options
    }

    /// `atr [--json] [--atr-list FILE] HEX...`: an ATR in hex only (`--reader` goes to the full parser).
    private static func atr(_ tokens: inout Tokens) -> ATROptions? {
        var options = ATROptions()
        while let token = tokens.next() {
            switch token {
            case .positional(let text):
                guard isHexText(text) else { return nil }
                options.hex.append(text)
            case .option("--json", nil):
                options.json = true
            case .option("--atr-list", let attached):
                guard let path = tokens.value(attached) else { return nil }
                options.atrList = path
            case .option, .repeated:
                return nil
            }
        }
        return options.hex.isEmpty ? nil : options
    }

    /// Whether `text` is made of hex digits, blanks and colons only (at least one digit).
    private static func isHexText(_ text: String) -> Bool {
        var digits = false
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                digits = true
            case UInt8(ascii: " "), UInt8(ascii: ":"):
                continue
            default:
                return false
            }
        }
        return digits
    }
}

/// The arguments after the command's name, one token at a time.
private struct Tokens {
    /// One argument: an option (`--name`, `--name=value`, `-x`), an option given before, or anything else.
    enum Token: Equatable {
        case option(String, String?)
        case repeated
        case positional(String)
    }

    /// The command's name (the first argument).
    let command: String
    private let arguments: [String]
    private var index = 1
    /// The options seen so far: a repeated one is left to the full parser.
    private var seen: [String] = []

    /// The tokens of `arguments`; nil when there is no command name.
    init?(_ arguments: [String]) {
        guard let command = arguments.first else { return nil }
        self.command = command
        self.arguments = arguments
    }

    /// The next token, or nil at the end.
    mutating func next() -> Token? {
        guard index < arguments.count else { return nil }
        let argument = arguments[index]
        index += 1
        guard argument.utf8.first == UInt8(ascii: "-") else { return .positional(argument) }
        var name = argument
        var attached: String?
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            attached = String(argument[argument.index(after: equals)...])
        }
        if seen.contains(name) { return .repeated }
        seen.append(name)
        return .option(name, attached)
    }

    /// An option's value: the part after `=`, else the next argument; nil when it is missing, empty,
    /// or looks like an option (those the full parser reads, or refuses).
    mutating func value(_ attached: String?) -> String? {
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
