import FilterManagerSim
import ScenarioFuzzingSupport

/// One fuzz input: the input as a Filter Manager scenario, checked and run on a fresh machine.
func fuzzFltScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    ScenarioFuzzing.exercise(input) { FltScenarioRunner() }
    return 0
}
