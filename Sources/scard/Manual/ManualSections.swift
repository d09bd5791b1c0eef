/// The sections of the man page that no command's help carries (EXIT STATUS, ENVIRONMENT, FILES,
/// EXAMPLES, SEE ALSO), as mdoc, made from the same tables the code uses; scripts/gen-manual.sh
/// appends them to the page the argument parser generates.
enum ManualSections {
    /// An environment variable and what scard does with it.
    struct Variable {
        let name: String
        let meaning: String
    }

    /// A file or folder and what it is for.
    struct File {
        let path: String
        let meaning: String
    }

    /// The environment variables scard reads.
    static let environment = [
        Variable(name: Deadlines.variable, meaning: "The deadline of every PC/SC call, in seconds, when --timeout is not given; a call past it ends the run with exit 7."),
        Variable(name: "PCSCLITE_CSOCK_NAME", meaning: "The path of pcscd's socket (read by libpcsclite), else /run/pcscd/pcscd.comm."),
        Variable(name: "SCARD_CRYPT_STORE", meaning: "The directory of scard crypt's key container store."),
        Variable(name: "XDG_DATA_HOME", meaning: "Where the key container store goes when SCARD_CRYPT_STORE is unset: XDG_DATA_HOME/scard/crypt."),
        Variable(name: "XDG_STATE_HOME", meaning: "Where scard shell keeps its history: XDG_STATE_HOME/scard/history."),
        Variable(name: "SCARD_ATR_LIST", meaning: "The ATR list (pcsc-tools' smartcard_list.txt format) that names cards, instead of pcsc-tools' places."),
        Variable(name: "XDG_CACHE_HOME", meaning: "Where pcsc-tools' ATR list is looked for first: XDG_CACHE_HOME/smartcard_list.txt."),
    ]

    /// The files scard reads or writes.
    static let files = [
        File(path: "/run/pcscd/pcscd.comm", meaning: "pcscd's socket, through which every PC/SC call goes."),
        File(path: "~/.local/share/scard/crypt/containers.json", meaning: "scard crypt's key containers (directory mode 0700, file 0600), with containers.json.lock beside it."),
        File(path: "~/.local/state/scard/history", meaning: "The history of scard shell."),
        File(path: "/usr/share/pcsc/smartcard_list.txt", meaning: "pcsc-tools' list of known ATRs, which names cards (also ~/.cache/smartcard_list.txt, ~/.smartcard_list.txt, /usr/local/pcsc/ and /usr/local/share/pcsc/)."),
        File(path: "/etc/reader.conf.d/vpcd", meaning: "vpcd's entry in pcscd's configuration, which scard doctor --virtual checks."),
    ]

    /// Commands and what they show.
    static let examples: [(command: String, meaning: String)] = [
        ("scard list-readers", "List the readers and the ATR of each card."),
        ("scard send 00A4000C023F00 0084000008", "Select the master file, then ask for 8 random bytes."),
        ("scard script --keep-going checks.apdu", "Run a script with expected responses; exit 1 when one is not met."),
        ("scard script --report junit --report-file junit.xml tests/*.apdu", "Run scripts as test cases for a CI system."),
        ("scard list-readers --json | jq -r 'select(.card) | .reader.name'", "The names of the readers holding a card (JSON lines: Docs/json.md)."),
        ("scard watch --until inserted --timeout 60", "Wait up to a minute for a card."),
        ("scard doctor", "Find out why smart card access does not work."),
        ("scard atr 3B 95 13 81 01 80 73 FF 01 00 0B", "Decode an ATR field by field."),
        ("scard send --tlv 00A4040007A000000004101000", "Select an application and show its answer as a BER-TLV tree."),
        ("scard reader --reader 0", "What the first reader says about itself: vendor, model, PC/SC part 10 features."),
        ("scard shell", "Talk to the card at a prompt, with line editing and history."),
    ]

    /// The related pages.
    static let seeAlso = [("opensc-tool", 1), ("pcsc_scan", 1), ("scriptor", 1), ("pcscd", 8)]

    /// The five sections as mdoc.
    static var mdoc: String {
        var lines = [".Sh ENVIRONMENT", ".Bl -tag -width Ds"]
        for variable in environment {
            lines += [".It Ev \(variable.name)", variable.meaning]
        }
        lines += [".El", ".Sh FILES", ".Bl -tag -width Ds"]
        for file in files {
            lines += [".It Pa \(file.path)", file.meaning]
        }
        lines += [".El", ".Sh EXIT STATUS", "The same codes for every command except", ".Nm scard Cm doctor ,",
                  "which has one code per failed check (10 to 20, listed in its help).",
                  "The simulators", ".Pf ( Cm crypt , flt , rpc )", "use the codes that say what they mean for them.",
                  ".Bl -tag -width Ds"]
        for status in ExitStatus.allCases {
            lines += [".It \(status.rawValue)", status.summary + "."]
            if let simulators = status.simulatorMeaning {
                lines.append("Simulators: \(simulators).")
            }
        }
        lines += [".El", ".Sh EXAMPLES", ".Bl -tag -width Ds"]
        for example in examples {
            lines += [".It Li \"\(example.command.replacing("\\", with: "\\e"))\"", example.meaning]
        }
        lines += [".El", ".Sh SEE ALSO"]
        for (index, page) in seeAlso.enumerated() {
            lines.append(".Xr \(page.0) \(page.1)" + (index < seeAlso.count - 1 ? " ," : ""))
        }
        return lines.map(sentencePerLine).joined(separator: "\n") + "\n"
    }

    /// A text line split after each sentence, as mdoc asks (`new sentence, new line`).
    static func sentencePerLine(_ line: String) -> String {
        guard !line.hasPrefix(".") else { return line }
        return line.replacing(". ", with: ".\n").replacing("; ", with: ";\n")
    }
}
