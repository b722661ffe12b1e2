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
        // The floors `make bench` compares logcheck with (bench/README.md); not installed.
        .executableTarget(name: "bench-floor-hello", path: "bench/floor-hello"),
        .executableTarget(name: "bench-floor-scan", dependencies: ["CYAML"], path: "bench/floor-scan"),
        .testTarget(
            name: "LogCheckSyntaxTests",
            dependencies: ["LogCheckSyntax"]
        ),
        .testTarget(
            name: "LogCheckKitTests",
            dependencies: ["LogCheckKit", "LogCheckSyntax"]
        ),
    ]
)
