import RPCSim
import ScenarioFuzzingSupport

/// One fuzz input: the input as an RPC scenario, run on a fresh client and server.
func fuzzRPCScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    ScenarioFuzzing.exercise(input) { RPCScenarioRunner() }
    return 0
}
