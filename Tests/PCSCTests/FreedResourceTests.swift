import ContextCore
import PCSC
import Testing

@Suite("The C call that frees each PC/SC resource")
struct FreedResourceTests {
    @Test("cards are disconnected, buffers freed, the context released, children first")
    func cFunctions() throws {
        let table = HandleTable()
        let context = try table.allocate(.pcscContext)
        _ = try table.allocate(.card, owner: context)
        _ = try table.allocate(.buffer, owner: context)
        let freed = try table.free(context)
        let calls = freed.map { "\($0.info.kind.rawValue) \($0.cFunction ?? "-")" }
        #expect(calls.sorted() == ["buffer SCardFreeMemory", "card SCardDisconnect", "context SCardReleaseContext"])
        #expect(freed.last?.cFunction == "SCardReleaseContext")
    }

    @Test("a kind PC/SC does not make has no C call")
    func otherKinds() {
        #expect(ResourceKind(rawValue: "hash").pcscFreeFunction == nil)
        #expect(ResourceKind.card.pcscFreeFunction == "SCardDisconnect")
    }
}
