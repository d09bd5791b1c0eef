/// Which error codes the simulator returns where the documentation and Windows disagree.
public enum CryptProfile: String, Sendable, CaseIterable {
    /// What Windows measurably does (Wine's conformance tests): `ERROR_INVALID_PARAMETER` for every
    /// NULL, unknown or released handle. The default.
    case windows
    /// The `CryptReleaseContext` page taken literally: `NTE_BAD_UID` for a NULL context,
    /// `ERROR_INVALID_HANDLE` for an unknown or released one or a key or hash handle in its place.
    case documented
}
