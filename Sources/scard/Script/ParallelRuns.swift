import Dispatch
import Synchronization
import ContextCore

/// Runs one job per item on its own thread and returns the results in the items' order.
enum ParallelRuns {
    /// Runs `body` for each item; a single item runs on the calling thread.
    static func run<Item: Sendable, Result: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) -> Result) -> [Result] {
        if items.count == 1 { return [body(items[0])] }
        let results = Mutex<[Int: Result]>([:])
        let group = DispatchGroup()
        for (index, item) in items.enumerated() {
            group.enter()
            DetachedThread.start {
                let result = body(item)
                results.withLock { $0[index] = result }
                group.leave()
            }
        }
        group.wait()
        return results.withLock { stored in items.indices.compactMap { stored[$0] } }
    }
}
