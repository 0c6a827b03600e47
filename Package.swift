// swift-tools-version: 6.0
import PackageDescription

/// Our modules ask for generic types' metadata by direct calls rather than by mangled name.
/// A lookup by name checks the type's generic requirements by scanning every protocol
/// conformance in the binary (over 8,000, with Foundation's), and such lookups were a large
/// part of each command's start (README, "Performance").
let directMetadata: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]

let package = Package(
    name: "svwizard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "svwizard", targets: ["svwizard"]),
        .library(name: "SocialValue", targets: ["SocialValue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
    ],
    targets: [
        // The domain: measures, framework, policy rules, money, valuation, findings. Foundation only.
        .target(name: "SocialValue", swiftSettings: directMetadata),

        // GNU readline, linked from the system (Debian: libreadline-dev).
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"]), .brew(["readline"])]
        ),

        // The default data files (Questionnaires/, Guidance/) compiled into the binary.
        // (EmbedDataPlugin also runs CompileDataTool for CompiledData, below.)
        .target(name: "GeneratedSource"),
        .executableTarget(name: "EmbedDataTool", dependencies: ["GeneratedSource"]),
        .plugin(
            name: "EmbedDataPlugin", capability: .buildTool(), dependencies: ["EmbedDataTool", "CompileDataTool"],
            path: "Sources/EmbedDataPlugin"
        ),
        .target(name: "BundledData", plugins: ["EmbedDataPlugin"]),

        // The data files: their YAML formats, checked loading (every problem with its file and
        // line), the flow definitions, guidance pages and workshop scenarios.
        .target(name: "DataFiles", dependencies: ["SocialValue", .product(name: "Yams", package: "Yams")], swiftSettings: directMetadata),

        // Question flows at work: planning, answer parsing, drafts, answers files, and files
        // from outside checked against the published schemas.
        .target(name: "Questionnaire", dependencies: ["SocialValue", "DataFiles", "BundledData", .product(name: "Yams", package: "Yams")],
                swiftSettings: directMetadata),

        // The default data set, checked when svwizard is built (a data file error stops the
        // build) and compiled to JSON, so a command decodes only the parts it needs.
        .executableTarget(name: "CompileDataTool", dependencies: ["DataFiles", "GeneratedSource"]),
        .target(name: "CompiledData", plugins: ["EmbedDataPlugin"]),

        // What svwizard asks of the system's C libraries (CPlatform.h): glibc keeps freed memory
        // for reuse; zlib (Debian: zlib1g-dev) works out CRC-32 checksums.
        .target(name: "CPlatform", linkerSettings: [.linkedLibrary("z")]),

        // The terminal: readline or plain line reading, completion, colour, wrapping, Markdown rendering.
        .target(name: "Terminal", dependencies: ["CReadline"], swiftSettings: directMetadata),

        // Submission bundles: the submission document, CSV, Markdown and HTML renderings, the
        // manifest, and writing and safely reading the zip.
        .target(name: "Submission", dependencies: [
            "SocialValue",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
            "CPlatform",
        ], swiftSettings: directMetadata),

        // The contract register behind the RegisterStore protocol: SQLite through GRDB (system
        // libsqlite3; Debian: libsqlite3-dev) for one person, PostgreSQL through postgres-nio for a
        // council or an anchor network sharing one. The schemas and migrations are in RegisterSchema.swift.
        .target(name: "Register", dependencies: [
            "SocialValue",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: directMetadata),

        // Runs the jobs on a terminal: menus, listings, guidance, value packs, the wizards.
        .target(name: "Wizard", dependencies: ["SocialValue", "Questionnaire", "Terminal", "BundledData", "CompiledData", "Submission", "Register", "CPlatform"],
                swiftSettings: directMetadata),

        // The command line: argument parsing, wiring and exit codes only.
        .executableTarget(
            name: "svwizard",
            dependencies: ["Wizard", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: directMetadata,
            // --static-swift-stdlib links with --export-dynamic, which put every public symbol of
            // every module (19,000) in the dynamic symbol table for the loader to go through at
            // each start; nothing loads svwizard's symbols from outside, so none is exported.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]
        ),

        .testTarget(name: "SocialValueTests", dependencies: ["SocialValue"]),
        .testTarget(name: "QuestionnaireTests", dependencies: ["Questionnaire", "DataFiles", "BundledData", "CompiledData"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "SubmissionTests", dependencies: ["Submission", "Questionnaire", "BundledData"],
                    exclude: ["validate_schema.py"]),
        .testTarget(name: "WizardTests", dependencies: ["Wizard"]),
        // A throwaway PostgreSQL server for the tests of the shared register.
        .target(name: "TestPostgres", path: "Tests/Support"),
        .testTarget(name: "RegisterTests", dependencies: ["Register", "SocialValue", "TestPostgres", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CommandLineTests", dependencies: ["svwizard", "TestPostgres"], exclude: ["Golden", "Fixtures"]),
    ]
)
