/// The contexts linked to objects, by slot, indexed by object as well, so tearing an object down
/// finds its links without looking at every other one.
struct LinkTable {
    private var contexts: [LinkKey: FltContext] = [:]
    private var byObject: [FltObject: Set<LinkKey>] = [:]

    /// The context linked in `key`'s slot; setting nil unlinks it.
    subscript(key: LinkKey) -> FltContext? {
        get { contexts[key] }
        set {
            if let newValue {
                if contexts.updateValue(newValue, forKey: key) == nil { index(key) }
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Unlinks the context in `key`'s slot and returns it (nil when the slot was empty).
    @discardableResult
    mutating func removeValue(forKey key: LinkKey) -> FltContext? {
        guard let context = contexts.removeValue(forKey: key) else { return nil }
        byObject[key.object]?.remove(key)
        if let instance = key.instance { byObject[instance]?.remove(key) }
        return context
    }

    /// Every occupied slot.
    var keys: Dictionary<LinkKey, FltContext>.Keys { contexts.keys }

    /// The occupied slots on `object` or set by it (as the instance).
    func keys(touching object: FltObject) -> Set<LinkKey> {
        byObject[object] ?? []
    }

    private mutating func index(_ key: LinkKey) {
        byObject[key.object, default: []].insert(key)
        if let instance = key.instance { byObject[instance, default: []].insert(key) }
    }
}
