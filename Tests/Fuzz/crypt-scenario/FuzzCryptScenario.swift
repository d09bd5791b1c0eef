import CryptoAPISim
import ScenarioFuzzingSupport

/// One fuzz input: the input as a CryptoAPI scenario, checked and run on a fresh in-memory simulator.
func fuzzCryptScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    ScenarioFuzzing.exercise(input) { CryptScenarioRunner() }
    return 0
}
