/// The commands with `--json`: an error that ends one of them is also printed as an `error` line.
extension ListReadersCommand: JSONOutputCommand {
    var printsJSON: Bool { output.json }
}

extension StatusCommand: JSONOutputCommand {
    var printsJSON: Bool { output.json }
}

extension SendCommand: JSONOutputCommand {
    var printsJSON: Bool { output.json }
}

extension LifecycleCommand: JSONOutputCommand {
    var printsJSON: Bool { output.json }
}

extension ScriptCommand: JSONOutputCommand {
    var printsJSON: Bool { output.json }
}

extension WatchCommand: JSONOutputCommand {
    var printsJSON: Bool { output.json }
}

extension ATRCommand: JSONOutputCommand {
    var printsJSON: Bool { json }
}

extension CryptRunCommand: JSONOutputCommand {
    var printsJSON: Bool { options.json }
}

extension CryptExampleCommand: JSONOutputCommand {
    var printsJSON: Bool { options.json }
}

extension FltRunCommand: JSONOutputCommand {
    var printsJSON: Bool { options.json }
}

extension FltExampleCommand: JSONOutputCommand {
    var printsJSON: Bool { options.json }
}

extension RPCRunCommand: JSONOutputCommand {
    var printsJSON: Bool { options.json }
}

extension RPCExampleCommand: JSONOutputCommand {
    var printsJSON: Bool { options.json }
}
