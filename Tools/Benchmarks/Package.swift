// swift-tools-version: 6.2
// MEABridge benchmarks: a stand-alone package (not a dependency of the main package, never built by its
// `swift build` / `swift test`). See README.md; run with `bash Tools/Benchmarks/run.sh` from the repository root.

import PackageDescription

let package = Package(
    name: "MEABridgeBenchmarks",
    products: [
        .executable(name: "generate-odata-feed", targets: ["generate-odata-feed"]),
        .executable(name: "generate-atom-feed", targets: ["generate-atom-feed"]),
        .executable(name: "generate-trade-csv", targets: ["generate-trade-csv"]),
    ],
    targets: [
        // What the generators share: the SplitMix64 PRNG, chunked output through OUTPUT.partial, their arguments.
        .target(name: "GeneratorSupport"),
        // Writes a large, deterministic InforMEA OData v2 verbose JSON Decisions feed (stdlib + libc only).
        .executableTarget(name: "generate-odata-feed", dependencies: ["GeneratorSupport"]),
        // Writes a large InforMEA OData Atom XML feed (the XML benchmark, xml.sh).
        .executableTarget(name: "generate-atom-feed", dependencies: ["GeneratorSupport"]),
        // Writes a large CITES trade-database-shaped CSV (the CSV benchmark, csv.sh).
        .executableTarget(name: "generate-trade-csv", dependencies: ["GeneratorSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
