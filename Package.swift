// swift-tools-version:6.1
import PackageDescription

/// How the release binary is linked on Linux, for a small file that starts fast: lld with packed
/// relative relocations (RELR), no symbols exported to dlopen'd code, and the C++ runtime linked in
/// (scripts/link/libstdc++.so is a linker script that names libstdc++.a), so the loader maps and
/// relocates only libc, libm and libpcsclite.
let leanReleaseLink = [
    "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
    "-Xclang-linker", "-static-libgcc", "-L\(Context.packageDirectory)/scripts/link",
]

/// The project's own targets are optimised for size in release builds: the card exchanges wait on
/// pcscd and the card, not on the CPU (an exchange costs about 1 µs more, against a round trip of
/// 160-390 µs), and the stripped binary stays under 20 MB (Docs/benchmarks.md).
/// `scripts/build-release.sh` builds the dependencies the same way.
let sizeOptimised: [SwiftSetting] = [.unsafeFlags(["-Osize"], .when(configuration: .release))]

let package = Package(
    name: "scard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "scard", targets: ["scard"]),
        .library(name: "ContextCore", targets: ["ContextCore"]),
        .library(name: "ISO7816", targets: ["ISO7816"]),
        .library(name: "PCSC", targets: ["PCSC"]),
        .library(name: "APDUScriptSyntax", targets: ["APDUScriptSyntax"]),
        .library(name: "APDUScript", targets: ["APDUScript"]),
        .library(name: "PCSCDoctor", targets: ["PCSCDoctor"]),
        .library(name: "ScenarioKit", targets: ["ScenarioKit"]),
        .library(name: "CryptoAPISim", targets: ["CryptoAPISim"]),
        .library(name: "FilterManagerSim", targets: ["FilterManagerSim"]),
        .library(name: "RPCSim", targets: ["RPCSim"]),
        .library(name: "FileSafety", targets: ["FileSafety"]),
        .library(name: "CardNames", targets: ["CardNames"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCSCLite",
            pkgConfig: "libpcsclite",
            providers: [.apt(["libpcsclite-dev"])]
        ),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "ContextCore", swiftSettings: sizeOptimised),
        .target(name: "ISO7816", swiftSettings: sizeOptimised),
        .target(name: "PCSC", dependencies: ["ISO7816", "ContextCore", "CPCSCLite"], swiftSettings: sizeOptimised),
        .target(name: "APDUScriptSyntax", dependencies: ["ISO7816"], swiftSettings: sizeOptimised),
        .target(name: "APDUScript", dependencies: ["APDUScriptSyntax", "PCSC"], swiftSettings: sizeOptimised),
        .target(name: "PCSCDoctor", dependencies: ["PCSC", "FileSafety"], swiftSettings: sizeOptimised),
        .target(name: "ScenarioKit", dependencies: ["ContextCore"], swiftSettings: sizeOptimised),
        .target(name: "FileSafety", swiftSettings: sizeOptimised),
        .target(name: "CardNames", dependencies: ["FileSafety"], swiftSettings: sizeOptimised),
        .target(
            name: "CryptoAPISim",
            dependencies: [
                "ContextCore", "ScenarioKit", "FileSafety", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: sizeOptimised
        ),
        .target(name: "FilterManagerSim", dependencies: ["ContextCore", "ScenarioKit"], swiftSettings: sizeOptimised),
        .target(name: "RPCSim", dependencies: ["ContextCore", "ScenarioKit"], swiftSettings: sizeOptimised),
        .executableTarget(
            name: "scard",
            dependencies: [
                "ContextCore", "PCSC", "APDUScript", "PCSCDoctor", "ScenarioKit", "CryptoAPISim", "FilterManagerSim",
                "RPCSim", "FileSafety", "CardNames", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sizeOptimised,
            linkerSettings: [.unsafeFlags(leanReleaseLink, .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "ContextCoreTests", dependencies: ["ContextCore"]),
        .testTarget(name: "ISO7816Tests", dependencies: ["ISO7816"]),
        .testTarget(name: "PCSCTests", dependencies: ["PCSC"]),
        .testTarget(name: "ScenarioKitTests", dependencies: ["ScenarioKit"]),
        .testTarget(name: "FileSafetyTests", dependencies: ["FileSafety"]),
        .testTarget(name: "CardNamesTests", dependencies: ["CardNames", "FileSafety"]),
        .testTarget(name: "PCSCDoctorTests", dependencies: ["PCSCDoctor"]),
        .testTarget(name: "APDUScriptTests", dependencies: ["APDUScriptSyntax", "APDUScript", "TestSupport"]),
        .testTarget(name: "CryptoAPISimTests", dependencies: ["TestSupport", "CryptoAPISim"],
                    resources: [.copy("Scenarios")]),
        .testTarget(name: "FilterManagerSimTests", dependencies: ["TestSupport", "FilterManagerSim"],
                    resources: [.copy("Scenarios")]),
        .testTarget(name: "RPCSimTests", dependencies: ["TestSupport", "RPCSim"],
                    resources: [.copy("Scenarios")]),
        .target(name: "TestSupport", dependencies: ["ScenarioKit"], path: "Tests/TestSupport"),
        .testTarget(
            name: "IntegrationTests", dependencies: ["PCSC", "ContextCore", "APDUScript", "TestSupport"],
            exclude: ["Scripts"]
        ),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "SCardTests", dependencies: ["scard", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
