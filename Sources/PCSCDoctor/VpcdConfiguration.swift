import FoundationEssentials

/// What the doctor learns about the virtual reader: vpcd's entry in pcscd's configuration.
public enum VpcdConfiguration {
    /// vpcd as pcscd's configuration declares it.
    public struct Entry: Sendable, Equatable {
        /// The file holding the entry.
        public let file: String
        /// The readers' name prefix (`Virtual PCD`).
        public let friendlyName: String
        /// The TCP port of the first slot; slot N listens on port + N.
        public let port: Int
        /// The driver library.
        public let library: String

        /// Creates an entry.
        public init(file: String, friendlyName: String, port: Int, library: String) {
            self.file = file
            self.friendlyName = friendlyName
            self.port = port
            self.library = library
        }
    }

    /// The configuration pcscd reads: its `-c`/`--config` argument, else /etc/reader.conf.d.
    public static func configPath(of daemon: SystemProbe.Daemon?) -> String {
        let arguments = daemon?.arguments ?? []
        for (index, argument) in arguments.enumerated() {
            if (argument == "-c" || argument == "--config"), index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--config=") { return String(argument.dropFirst("--config=".count)) }
        }
        return "/etc/reader.conf.d"
    }

    /// The vpcd entry in the configuration at `path` (a file or a folder of files).
    public static func entry(in path: String) -> Result<Entry, DoctorProblem> {
        var isFolder = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return .failure(DoctorProblem("pcscd's configuration \(path) does not exist"))
        }
        let files: [String]
        if isFolder {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.sorted().map { path + "/" + $0 }
        } else {
            files = [path]
        }
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            if let entry = parse(text, file: file) {
                guard FileManager.default.fileExists(atPath: entry.library) else {
                    return .failure(DoctorProblem("\(file) names the vpcd driver \(entry.library), which is not installed"))
                }
                return .success(entry)
            }
        }
        return .failure(DoctorProblem("pcscd's configuration \(path) has no vpcd reader (no LIBPATH ...libifdvpcd.so)"))
    }

    /// The vpcd entry of one reader.conf file: FRIENDLYNAME, DEVICENAME HOST:PORT, LIBPATH.
    public static func parse(_ text: String, file: String) -> Entry? {
        var name = "Virtual PCD"
        var device: String?
        for rawLine in text.split(separator: "\n") {
            let line = blankTrimmed(rawLine)
            if line.hasPrefix("#") || line.isEmpty { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2 else { continue }
            let value = String(quoteTrimmed(blankTrimmed(parts[1])))
            switch parts[0] {
            case "FRIENDLYNAME": name = value
            case "DEVICENAME": device = value
            case "LIBPATH" where value.contains("vpcd"):
                let portText = device.flatMap { $0.split(separator: ":").last.map(String.init) } ?? "0x8C7B"
                let port = portText.lowercased().hasPrefix("0x") ? Int(portText.dropFirst(2), radix: 16) : Int(portText)
                return Entry(file: file, friendlyName: name, port: port ?? 0x8C7B, library: value)
            default: break
            }
        }
        return nil
    }

    /// The slot of a vpcd reader from its name (`Virtual PCD 00 01` is slot 1).
    public static func slot(of reader: String) -> Int {
        reader.split(separator: " ").last.flatMap { Int($0) } ?? 0
    }
}

/// `text` without leading and trailing spaces and tabs.
private func blankTrimmed(_ text: Substring) -> Substring {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    let rest = text.drop(while: blank)
    return rest[..<(rest.lastIndex { !blank($0) }.map(rest.index(after:)) ?? rest.startIndex)]
}

/// `text` without the double quotes around it.
private func quoteTrimmed(_ text: Substring) -> Substring {
    let rest = text.drop { $0 == "\"" }
    return rest[..<(rest.lastIndex { $0 != "\"" }.map(rest.index(after:)) ?? rest.startIndex)]
}
