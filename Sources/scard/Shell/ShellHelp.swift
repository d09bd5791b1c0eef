/// The text `help` prints in the shell.
enum ShellHelp {
    /// The lines of the help.
    static let lines = [
        "Type a line of the script format, or a shell command:",
        "  00 A4 00 0C 02 3F 00          send an APDU (hex, blanks optional)",
        "  00 84 00 00 08 => * 90 00     send it and check the response ('..' any byte, '*' any bytes)",
        "  00 A4 04 00 07 \\              continue an APDU on the next line",
        "  reset                         reset the card (keeps the protocol and share mode)",
        "  echo TEXT                     print TEXT",
        "  delay 100ms | delay 2s        wait",
        "  transaction begin|end         hold the card for the lines in between",
        "  reader                        list the readers (* marks the one in use)",
        "  reader N|NAME                 switch to reader N, or the one whose name contains NAME",
        "  atr                           the card's ATR, protocol and names",
        "  help                          this text",
        "  quit | exit | Ctrl-D          leave",
        "Ctrl-C drops the line being typed, or gives the prompt back from a card that does not answer.",
        "Up and down walk the history; Ctrl-R searches it.",
    ]
}
