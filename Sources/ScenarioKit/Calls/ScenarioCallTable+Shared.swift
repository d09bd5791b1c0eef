extension ScenarioCallTable {
    /// The directives every simulator takes, run by ``ScenarioDriver`` itself: `@expect NAME
    /// PROPERTY => VALUE` checks state without a call, `@reboot` starts a fresh machine.
    public static let sharedDirectives = [
        ScenarioDirectiveForm("expect", words: 2...2, usage: "NAME PROPERTY => VALUE"),
        ScenarioDirectiveForm("reboot", words: 0...0, takesExpectation: false),
    ]

    /// Whether a directive is one of the shared ones the driver runs.
    public static func isShared(_ name: String) -> Bool {
        sharedDirectives.contains { $0.name == name }
    }
}
