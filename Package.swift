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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C shim over the system libxml2 (pkg-config libxml-2.0).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // C shim over the system libarchive (pkg-config libarchive): zip, tar and tar.gz read and written as streams.
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"]), .brew(["libarchive"])]
        ),
        // The canonical model, diagnostics, byte I/O, reader/writer protocols.
        .target(
            name: "MEABridgeCore",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        // Syntax layers: bytes, tokens, locations.
        .target(name: "MEABridgeXML", dependencies: ["CLibXML2", "MEABridgeCore"]),
        .target(name: "MEABridgeJSON", dependencies: ["MEABridgeCore"]),
        .target(name: "MEABridgeCSV", dependencies: ["MEABridgeCore", "MEABridgeJSON"]),
        // JSON Schema (draft 2020-12 and draft-07) over the JSON layer.
        .target(name: "MEABridgeJSONSchema", dependencies: ["MEABridgeCore", "MEABridgeJSON"]),
        // Shared by the format modules: JSON field mapping with diagnostics, JSON rendering of canonical values.
        .target(
            name: "MEABridgeFormatSupport",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // Format families: one module each, readers and writers of one family of exports.
        .target(
            name: "MEABridgeInforMEA",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON", "MEABridgeXML", "MEABridgeFormatSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "MEABridgeCanonical",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON", "MEABridgeFormatSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "MEABridgeECOLEX",
            dependencies: [
                "MEABridgeCore", "MEABridgeXML", "MEABridgeFormatSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "MEABridgeCBD",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON", "MEABridgeFormatSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "MEABridgeSpeciesPlus",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON", "MEABridgeFormatSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "MEABridgeORS",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON", "MEABridgeXML", "MEABridgeFormatSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "MEABridgeCITES",
            dependencies: [
                "MEABridgeCore", "MEABridgeCSV", "MEABridgeJSON", "MEABridgeFormatSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "MEABridgeRamsar",
            dependencies: [
                "MEABridgeCore", "MEABridgeCSV", "MEABridgeJSON", "MEABridgeFormatSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The registry: every bundled reader, writer and schema validator, in one list.
        .target(
            name: "MEABridgeFormats",
            dependencies: [
                "MEABridgeCore", "MEABridgeInforMEA", "MEABridgeCanonical", "MEABridgeECOLEX", "MEABridgeCITES",
                "MEABridgeRamsar", "MEABridgeCBD", "MEABridgeSpeciesPlus", "MEABridgeORS", "MEABridgeXML",
                "MEABridgeCSV", "MEABridgeJSONSchema",
                "MEABridgeValidation",
            ]
        ),
        // Harmonised rules over canonical records.
        .target(name: "MEABridgeValidation", dependencies: ["MEABridgeCore", "MEABridgeJSON"]),
        // Batch transformation: files, directories and archives in and out, in parallel, with SQLite state.
        .target(
            name: "MEABridgeBatch",
            dependencies: [
                "CArchive", "MEABridgeCore", "MEABridgeJSON", "MEABridgeFormats", "MEABridgeValidation",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The command-line interface as a library, testable without spawning a process.
        .target(
            name: "MEABridgeCLI",
            dependencies: [
                "MEABridgeCore", "MEABridgeJSON", "MEABridgeFormats", "MEABridgeValidation", "MEABridgeBatch",
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
            name: "MEABridgeConventionJSONTests",
            dependencies: [
                "MEABridgeCBD", "MEABridgeORS", "MEABridgeSpeciesPlus", "MEABridgeCanonical", "MEABridgeFormats",
                "MEABridgeValidation", "MEABridgeCLI", "MEABridgeTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "MEABridgeBatchTests",
            dependencies: [
                "MEABridgeBatch", "MEABridgeCLI", "MEABridgeFormats", "MEABridgeCore", "MEABridgeTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "MEABridgeValidationTests",
            dependencies: [
                "MEABridgeValidation", "MEABridgeCore", "MEABridgeJSON", "MEABridgeJSONSchema", "MEABridgeTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "MEABridgeAtomTests",
            dependencies: [
                "MEABridgeInforMEA", "MEABridgeECOLEX", "MEABridgeXML", "MEABridgeJSON", "MEABridgeCanonical",
                "MEABridgeFormats", "MEABridgeValidation", "MEABridgeCLI", "MEABridgeTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "MEABridgeCSVTests",
            dependencies: [
                "MEABridgeCSV", "MEABridgeCITES", "MEABridgeRamsar", "MEABridgeCanonical", "MEABridgeFormats",
                "MEABridgeValidation", "MEABridgeCLI", "MEABridgeTestSupport",
            ]
        ),
        .testTarget(
            name: "MEABridgeJSONSchemaTests",
            dependencies: [
                "MEABridgeJSONSchema", "MEABridgeJSON", "MEABridgeInforMEA", "MEABridgeCanonical", "MEABridgeFormats",
                "MEABridgeValidation", "MEABridgeCLI", "MEABridgeTestSupport",
            ]
        ),
        .testTarget(
            name: "MEABridgeFormatsTests",
            dependencies: [
                "MEABridgeFormats", "MEABridgeInforMEA", "MEABridgeCanonical", "MEABridgeValidation",
                "MEABridgeTestSupport", .product(name: "OrderedCollections", package: "swift-collections"),
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
