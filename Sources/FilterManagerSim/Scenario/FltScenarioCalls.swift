import ScenarioKit

/// What a Filter Manager scenario line may call: each routine's in-parameters and out-parameters,
/// as fltkernel.h declares them, and each directive's words.
public enum FltScenarioCalls {
    /// The call table of `scard flt`.
    public static let table = ScenarioCallTable(
        family: "flt", functions: routines, directives: directives,
        readExpectation: { (expectation, call) throws(ScenarioRuntimeError) in
            try FltExpectation.read(expectation, call: call)
        })

    /// Every routine the simulator implements.
    static let routines: [ScenarioFunction] = {
        var routines = [
            ScenarioFunction(
                "FltAllocateContext", parameters: ["Filter", "ContextType", "ContextSize", "PoolType"],
                outputs: ["ReturnedContext"], returns: "NTSTATUS"),
            ScenarioFunction("FltDeleteContext", parameters: ["Context"], returns: "VOID"),
            ScenarioFunction("FltReferenceContext", parameters: ["Context"], returns: "VOID"),
            ScenarioFunction("FltReleaseContext", parameters: ["Context"], returns: "VOID"),
            ScenarioFunction(
                "FltGetContexts", parameters: ["Instance", "FileObject", "DesiredContexts", "Transaction"], optional: 1,
                outputs: ["Contexts"], returns: "VOID"),
            ScenarioFunction("FltReleaseContexts", parameters: ["Contexts"], returns: "VOID"),
            ScenarioFunction("FltUnregisterFilter", parameters: ["Filter"], returns: "VOID"),
        ]
        let objectParameters: [(stem: String, set: [String], getDelete: [String])] = [
            ("Volume", ["Volume"], ["Filter", "Volume"]),
            ("Instance", ["Instance"], ["Instance"]),
            ("File", ["Instance", "FileObject"], ["Instance", "FileObject"]),
            ("Stream", ["Instance", "FileObject"], ["Instance", "FileObject"]),
            ("StreamHandle", ["Instance", "FileObject"], ["Instance", "FileObject"]),
            ("Transaction", ["Instance", "Transaction"], ["Instance", "Transaction"]),
        ]
        for entry in objectParameters {
            routines.append(
                ScenarioFunction(
                    "FltSet\(entry.stem)Context", parameters: entry.set + ["Operation", "NewContext"],
                    outputs: ["OldContext"], returns: "NTSTATUS"))
            routines.append(
                ScenarioFunction(
                    "FltGet\(entry.stem)Context", parameters: entry.getDelete, outputs: ["Context"], returns: "NTSTATUS"))
            routines.append(
                ScenarioFunction(
                    "FltDelete\(entry.stem)Context", parameters: entry.getDelete, outputs: ["OldContext"],
                    returns: "NTSTATUS"))
        }
        return routines
    }()

    /// The directives and the words each takes.
    static let directives = [
        ScenarioDirectiveForm("filter", words: 1...1, usage: "NAME"),
        ScenarioDirectiveForm("register", words: 3...8, usage: "TYPE SIZE [POOL] TAG [CLEANUP] [flags=FLAGS] [allocate=NAME] [free=NAME]"),
        ScenarioDirectiveForm("verifier", words: 1...1, usage: "on|off"),
        ScenarioDirectiveForm("volume", words: 1...2, usage: "NAME [nostreamcontexts]"),
        ScenarioDirectiveForm("instance", words: 2...2, usage: "NAME VOLUME"),
        ScenarioDirectiveForm("file", words: 2...2, usage: "NAME VOLUME"),
        ScenarioDirectiveForm("stream", words: 2...2, usage: "NAME FILE"),
        ScenarioDirectiveForm("open", words: 2...2, usage: "NAME STREAM"),
        ScenarioDirectiveForm("transaction", words: 1...1, usage: "NAME"),
        ScenarioDirectiveForm("close", words: 1...1, usage: "NAME"),
        ScenarioDirectiveForm("detach", words: 1...1, usage: "INSTANCE"),
        ScenarioDirectiveForm("dismount", words: 1...1, usage: "VOLUME"),
        ScenarioDirectiveForm("commit", words: 1...1, usage: "TRANSACTION"),
        ScenarioDirectiveForm("rollback", words: 1...1, usage: "TRANSACTION"),
        ScenarioDirectiveForm("irql", words: 1...1, usage: "LEVEL"),
        ScenarioDirectiveForm("step", words: 0...0),
        ScenarioDirectiveForm("drain", words: 0...0),
        ScenarioDirectiveForm("lowmemory", words: 1...1, usage: "on|off"),
    ]
}
