/// Built-in scenarios that `scard flt example` runs and the documentation shows.
public enum FltExamples {
    /// A short minifilter story: register, attach a stream context on create, look it up on read,
    /// release, close the stream, unregister; every reference is matched and 0 contexts stay live.
    public static let minifilterStory = """
        # DriverEntry: FltRegisterFilter with one context registration, then FltStartFiltering.
        @filter filter
        @register FLT_STREAM_CONTEXT 64 NonPagedPool 'sctx' StreamContextCleanup
        @volume C
        @instance inst C
        # IRP_MJ_CREATE of C:\\report.txt opens a stream; post-create attaches a context to it.
        @stream report C
        ctx = FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool      => STATUS_SUCCESS
        old = FltSetStreamContext inst report FLT_SET_CONTEXT_KEEP_IF_EXISTS ctx => STATUS_SUCCESS
        FltReleaseContext ctx                                                   => -
        # IRP_MJ_READ: pre-read looks the context up, uses it, releases it.
        found = FltGetStreamContext inst report                                 => STATUS_SUCCESS
        FltReleaseContext found                                                 => -
        # The last handle is closed: the stream is torn down and the link's reference dropped.
        @close report
        # Unload: FltUnregisterFilter finds nothing left to report.
        FltUnregisterFilter filter                                              => -
        """
}
