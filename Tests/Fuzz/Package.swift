// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for scard's parsers and scenario runners. Not part of the main package: every
// module here is built with `-sanitize=fuzzer,address` (coverage instrumentation and libFuzzer
// linked into each executable), which the main package's tests and tools must not be.
// Build and run them with scripts/fuzz.sh. Each executable's main.swift hands its input function
// to libFuzzer's driver through FuzzerDriver (SwiftPM renames an executable's `main`, so
// libFuzzer's own `main` cannot be used).

/// One fuzz target: an executable in `<folder>/` whose seed corpus is `<folder>/corpus/`.
func fuzzTarget(_ name: String, _ folder: String, _ products: [String], support: Bool = false) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: "scard") }
            + ["FuzzerDriver"] + (support ? ["ScenarioFuzzingSupport"] : []),
        path: folder,
        exclude: ["corpus"]
    )
}

let package = Package(
    name: "scard-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "scard", path: "../..")],
    targets: [
        fuzzTarget("FuzzAPDUHex", "apdu-hex", ["ISO7816"]),
        fuzzTarget("FuzzScriptParser", "script-parser", ["APDUScriptSyntax"]),
        fuzzTarget("FuzzATRDecoder", "atr-decoder", ["ISO7816"]),
        fuzzTarget("FuzzBERTLV", "ber-tlv", ["ISO7816"]),
        fuzzTarget("FuzzCryptScenario", "crypt-scenario", ["CryptoAPISim"], support: true),
        fuzzTarget("FuzzFltScenario", "flt-scenario", ["FilterManagerSim"], support: true),
        fuzzTarget("FuzzRPCScenario", "rpc-scenario", ["RPCSim"], support: true),
        .target(name: "FuzzerDriver", path: "fuzzer-driver"),
        .target(
            name: "ScenarioFuzzingSupport",
            dependencies: [.product(name: "ScenarioKit", package: "scard")],
            path: "scenario-support"
        ),
    ],
    swiftLanguageModes: [.v6]
)
