/// The script format (parsing, the script model, response patterns) comes with the runner, so a user
/// of APDUScript needs one import; APDUScriptSyntax alone parses scripts without libpcsclite.
@_exported import APDUScriptSyntax
