import FoundationEssentials

/// What the doctor learns about the virtual reader: vpcd's entry in pcscd's configuration.
enum DoctorVirtual {
    /// vpcd as pcscd's configuration declares it.
    struct VpcdEntry {
        /// The file holding the entry.
        let file: String
        /// The readers' name prefix (`Virtual PCD`).
        let friendlyName: String
        /// The TCP port of the first slot; slot N listens on port + N.
        let port: Int
        /// The driver library.
        let library: String
    }

    /// The configuration pcscd reads: its `-c`/`--config` argument, else /etc/reader.conf.d.
    static func configPath(of daemon: DoctorSystem.Daemon?) -> String {
        let arguments = daemon?.arguments ?? []
        for (index, argument) in arguments.enumerated() {
            if (argument == "-c" || argument == "--config"), index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--config=") { return String(argument.dropFirst("--config=".count)) }
        }
        return "/etc/reader.conf.d"
    }

    /// The vpcd entry in the configuration at `path` (a file or a folder of files).
    static func vpcdEntry(in path: String) -> Result<VpcdEntry, DoctorProblem> {
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
    static func parse(_ text: String, file: String) -> VpcdEntry? {
        var name = "Virtual PCD"
        var device: String?
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingBlanks()
            if line.hasPrefix("#") || line.isEmpty { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2 else { continue }
            let value = String(parts[1].trimmingBlanks().trimming { $0 == "\"" })
            switch parts[0] {
            case "FRIENDLYNAME": name = value
            case "DEVICENAME": device = value
            case "LIBPATH" where value.contains("vpcd"):
                let portText = device.flatMap { $0.split(separator: ":").last.map(String.init) } ?? "0x8C7B"
                let port = portText.lowercased().hasPrefix("0x") ? Int(portText.dropFirst(2), radix: 16) : Int(portText)
                return VpcdEntry(file: file, friendlyName: name, port: port ?? 0x8C7B, library: value)
            default: break
            }
        }
        return nil
    }

    /// The slot of a vpcd reader from its name (`Virtual PCD 00 01` is slot 1).
    static func slot(of reader: String) -> Int {
        reader.split(separator: " ").last.flatMap { Int($0) } ?? 0
    }
}
