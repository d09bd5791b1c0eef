import CryptoAPISim
import ScenarioKit
import TestSupport
import Testing

/// Random scenario text with `@expect` and `@reboot`, run through the real parser and driver: a
/// small model of providers, keys and hashes by name writes every line's expectation, and the
/// simulator must meet exactly the ones the model states as true and miss the deliberately wrong ones.
struct CryptScenarioModel {
    /// A provider's reference count (0 once freed) and the keys and hashes made from it.
    var providers: [String: (count: Int, children: [String])] = [:]
    /// Keys and hashes by name: live or freed.
    var objects: [String: Bool] = [:]
    /// Names a failed create bound to NULL.
    var nulls: Set<String> = []
    /// Names of machines before the last `@reboot`: unknown now.
    var forgotten: [String] = []
    var next = 0
    var text = ScenarioText()

    mutating func fresh(_ prefix: String) -> String {
        next += 1
        return "\(prefix)\(next)"
    }

    func pick(_ names: [String], _ rng: inout SplitMix64) -> String? {
        names.sorted().randomElement(using: &rng)
    }

    /// The result of a call on a provider, key or hash that must be live.
    func result(_ ok: Bool) -> String { ok ? "TRUE" : "FALSE ERROR_INVALID_PARAMETER" }

    mutating func free(provider name: String) {
        for child in providers[name]?.children ?? [] { objects[child] = false }
        providers[name] = (0, [])
    }

    /// Appends one random line (or a few, for `@reboot`) with the expectation the model predicts.
    mutating func step(_ rng: inout SplitMix64) {
        let providerNames = Array(providers.keys)
        let objectNames = Array(objects.keys)
        switch Int.random(in: 0..<40, using: &rng) {
        case 0..<6:
            let name = fresh("p")
            providers[name] = (1, [])
            text.call("\(name) = CryptAcquireContext NULL NULL PROV_RSA_AES CRYPT_VERIFYCONTEXT", "TRUE")
        case 6..<10:
            guard let name = pick(providerNames, &rng) else { return step(&rng) }
            let live = providers[name]!.count > 0
            if live { providers[name]!.count += 1 }
            text.call("CryptContextAddRef \(name) NULL 0", result(live))
        case 10..<15:
            guard let name = pick(providerNames, &rng) else { return step(&rng) }
            let live = providers[name]!.count > 0
            if live {
                providers[name]!.count -= 1
                if providers[name]!.count == 0 { free(provider: name) }
            }
            text.call("CryptReleaseContext \(name) 0", result(live))
        case 15..<20:
            guard let owner = pick(providerNames, &rng) else { return step(&rng) }
            let live = providers[owner]!.count > 0
            let isKey = Bool.random(using: &rng)
            let name = fresh(isKey ? "k" : "h")
            if live {
                objects[name] = true
                providers[owner]!.children.append(name)
            } else {
                nulls.insert(name)
            }
            let call = isKey ? "CryptGenKey \(owner) CALG_RC4 0" : "CryptCreateHash \(owner) CALG_SHA1 0 0"
            text.call("\(name) = \(call)", result(live))
        case 20..<23:
            guard let name = pick(objectNames, &rng) else { return step(&rng) }
            let live = objects[name]!
            objects[name] = false
            let destroy = name.hasPrefix("k") ? "CryptDestroyKey" : "CryptDestroyHash"
            text.call("\(destroy) \(name)", result(live))
        case 23..<35:
            guard let name = pick(providerNames + objectNames + Array(nulls), &rng) else { return step(&rng) }
            let references = nulls.contains(name) ? 0 : providers[name]?.count ?? (objects[name]! ? 1 : 0)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: text.expect(name, "references", "\(references)")
            case 1: text.expect(name, "live", references > 0 ? "TRUE" : "FALSE")
            default:
                if nulls.contains(name) { text.expect(name, "value", "NULL") } else { text.expect(name, "references", "\(references)") }
            }
        case 35..<38:
            guard let name = pick(providerNames + objectNames, &rng) else { return step(&rng) }
            let references = providers[name]?.count ?? (objects[name]! ? 1 : 0)
            if Bool.random(using: &rng) {
                text.expect(name, "references", "\(references + 1)", met: false)
            } else {
                text.expect(name, "live", references > 0 ? "FALSE" : "TRUE", met: false)
            }
        case 38:
            if let old = forgotten.randomElement(using: &rng) { text.expect(old, "live", "FALSE", met: false) }
        default:
            forgotten = (providerNames + objectNames + Array(nulls)).sorted()
            providers = [:]
            objects = [:]
            nulls = []
            text.reboot()
        }
    }
}

extension ModelBasedTests {
    @Test("random scenario text with @expect and @reboot: the simulator meets exactly the expectations the model states")
    func randomScenarios() throws {
        let lines = max(ModelRunSettings.calls(default: 20_000) / 10, 100)
        var rng = SplitMix64(seed: ModelRunSettings.seed(default: 0x5CA7_D001))
        var tally = ScenarioTally()
        while tally.lines < lines {
            var model = CryptScenarioModel()
            for _ in 0..<Int.random(in: 10...80, using: &rng) { model.step(&rng) }
            let report = CryptScenarioRunner().run(try Scenario(parsing: model.text.source))
            tally.check(report, against: model.text)
        }
        print("crypt scenario model: \(tally.summary)")
        for text in tally.examples { Issue.record(Comment(rawValue: text)) }
        #expect(tally.mismatches == 0)
        #expect(tally.wrong > 0 && tally.reboots > 0)
    }
}
