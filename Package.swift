// swift-tools-version: 6.2
// MEABridge: interoperable data for the biodiversity-related conventions (InforMEA).

import PackageDescription

/// Settings shared by every Swift target (C targets stay out of this loop).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "MEABridge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "meabridge", targets: ["meabridge"]),
        .library(name: "MEABridge", targets: ["MEABridgeCore", "MEABridgeFormats", "MEABridgeValidation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // C shim over the system libxml2 (pkg-config libxml-2.0).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The canonical model, diagnostics, byte I/O, reader/writer protocols.
        .target(
            name: "MEABridgeCore",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        // Syntax layers: bytes, tokens, locations.
        .target(name: "MEABridgeXML", dependencies: ["CLibXML2", "MEABridgeCore"]),
        .target(name: "MEABridgeJSON", dependencies: ["MEABridgeCore"]),
        // Concrete readers and writers plus the built-in registry.
        .target(
            name: "MEABridgeFormats",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON", "MEABridgeXML",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // Harmonised rules over canonical records.
        .target(name: "MEABridgeValidation", dependencies: ["MEABridgeCore"]),
        // The command-line interface as a library, testable without spawning a process.
        .target(
            name: "MEABridgeCLI",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON", "MEABridgeFormats", "MEABridgeValidation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "meabridge", dependencies: ["MEABridgeCLI"]),
        .target(name: "MEABridgeTestSupport", dependencies: ["MEABridgeCore"]),
        .testTarget(
            name: "MEABridgeCoreTests",
            dependencies: [
                "MEABridgeCore", "MEABridgeTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .testTarget(name: "MEABridgeXMLTests", dependencies: ["MEABridgeXML", "MEABridgeTestSupport"]),
        .testTarget(name: "MEABridgeJSONTests", dependencies: ["MEABridgeJSON", "MEABridgeTestSupport"]),
        .testTarget(
            name: "MEABridgeFormatsTests",
            dependencies: [
                "MEABridgeFormats", "MEABridgeValidation", "MEABridgeTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "MEABridgeCLITests",
            dependencies: ["MEABridgeCLI", "MEABridgeFormats", "MEABridgeTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
