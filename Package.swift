// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "logcheck",
    products: [
        .executable(name: "logcheck", targets: ["logcheck"]),
        .library(name: "LogCheckKit", targets: ["LogCheckKit"]),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "LogCheckSyntax",
            dependencies: ["CYAML"],
            linkerSettings: [.linkedLibrary("m")]
        ),
        .target(name: "LogCheckKit", dependencies: ["LogCheckSyntax"]),
        .executableTarget(name: "logcheck", dependencies: ["LogCheckKit"]),
        // What each fuzz target checks (fuzz/README.md), shared with the tests that replay
        // fixtures/fuzz-regressions/.
        .target(
            name: "FuzzSupport", dependencies: ["LogCheckKit", "LogCheckSyntax"], path: "fuzz/Sources/FuzzSupport"),
        // The floors `make bench` compares logcheck with (bench/README.md); not installed.
        .executableTarget(name: "bench-floor-hello", path: "bench/floor-hello"),
        .executableTarget(name: "bench-floor-scan", dependencies: ["CYAML"], path: "bench/floor-scan"),
        .testTarget(
            name: "LogCheckSyntaxTests",
            dependencies: ["LogCheckSyntax"]
        ),
        .testTarget(
            name: "LogCheckKitTests",
            dependencies: ["LogCheckKit", "LogCheckSyntax", "FuzzSupport"]
        ),
    ]
)

// libFuzzer targets (fuzz/README.md): only with LOGCHECK_FUZZ=1, since they have no `main` of
// their own and link only with `--sanitize=fuzzer`. What they check is FuzzSupport, above.
if Context.environment["LOGCHECK_FUZZ"] == "1" {
    let library: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
    package.targets += [
        .executableTarget(
            name: "fuzz-yaml", dependencies: ["FuzzSupport"], path: "fuzz/Sources/FuzzYAML", swiftSettings: library),
        .executableTarget(
            name: "fuzz-json", dependencies: ["FuzzSupport"], path: "fuzz/Sources/FuzzJSON", swiftSettings: library),
        .executableTarget(
            name: "fuzz-script", dependencies: ["FuzzSupport"], path: "fuzz/Sources/FuzzScript", swiftSettings: library),
        .executableTarget(
            name: "fuzz-check", dependencies: ["FuzzSupport"], path: "fuzz/Sources/FuzzCheck", swiftSettings: library),
        .executableTarget(
            name: "fuzz-shell", dependencies: ["FuzzSupport"], path: "fuzz/Sources/FuzzShell", swiftSettings: library),
        .executableTarget(
            name: "fuzz-launch", dependencies: ["FuzzSupport"], path: "fuzz/Sources/FuzzLaunch", swiftSettings: library),
    ]
}
