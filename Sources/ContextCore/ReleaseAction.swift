/// The provider's code that frees what a resource stands for (disconnect a card, free a buffer,
/// run a cleanup callback). It runs outside the table's lock, exactly once per resource.
public typealias ReleaseAction = @Sendable (ResourceInfo) throws -> Void
