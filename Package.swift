// swift-tools-version:6.0
import PackageDescription

// Swift 5 language mode for the targets that hold the embedded interpreter's global state: every
// access happens under Python's GIL, which Swift's concurrency checker cannot see.
let gilBound: [SwiftSetting] = [.swiftLanguageMode(.v5)]
// The syntax tree's walkers and the kinds of values are called across module boundaries in the
// analysis's innermost loops; letting the optimizer inline them there is worth it.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Hybridize",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hybridize", targets: ["hybridize"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPython",
            pkgConfig: "python3-embed",
            providers: [.apt(["libpython3-dev"])]
        ),
        .target(name: "CPythonShim", dependencies: ["CPython"]),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "PythonRuntime", dependencies: ["CPython", "CPythonShim"], swiftSettings: gilBound),
        .target(name: "PythonSyntax", dependencies: ["CPython", "CPythonShim", "PythonRuntime"], swiftSettings: gilBound + crossModule),
        .target(name: "TraceStore", dependencies: ["CSQLite"], swiftSettings: gilBound),
        .target(
            name: "Analysis", dependencies: ["PythonSyntax", "TraceStore"],
            // The kinds inference is one class whose tables every step reads and writes, on one
            // thread; dynamic exclusivity checks on each access buy nothing there.
            swiftSettings: gilBound + crossModule + [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .target(name: "Decisions", dependencies: ["Analysis", "TraceStore"], swiftSettings: gilBound),
        .target(name: "Refactoring", dependencies: ["Analysis", "Decisions", "PythonSyntax", "TraceStore"], swiftSettings: gilBound),
        .target(name: "Reporting", dependencies: ["Analysis", "Decisions", "Refactoring"], swiftSettings: gilBound),
        .target(
            name: "Tracing",
            dependencies: ["CPython", "CPythonShim", "PythonRuntime", "TraceStore"],
            // The hook runs on every project call. Its state is only touched under the GIL, one
            // access at a time, so Swift's dynamic exclusivity checks (16% of a traced call,
            // measured with perf) buy nothing here.
            swiftSettings: gilBound + [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .executableTarget(
            name: "hybridize",
            dependencies: [
                "PythonRuntime", "PythonSyntax", "Analysis", "Decisions", "Refactoring", "Reporting", "TraceStore", "Tracing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: gilBound
        ),
        // `swift run -c release parse-speed [PATH...]`: PythonSyntax on keras/src (Benchmarks/README.md).
        .executableTarget(
            name: "parse-speed", dependencies: ["PythonRuntime", "PythonSyntax"], path: "Benchmarks/ParseSpeed",
            swiftSettings: gilBound),
        .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax", "PythonRuntime"], swiftSettings: gilBound),
        .testTarget(
            name: "AnalysisTests", dependencies: ["Analysis", "Decisions", "PythonSyntax", "PythonRuntime", "TraceStore"],
            exclude: ["Fixtures"], swiftSettings: gilBound),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"], swiftSettings: gilBound),
        .testTarget(
            name: "RefactoringTests", dependencies: ["Refactoring", "Analysis", "Decisions", "PythonSyntax", "PythonRuntime"],
            exclude: ["Fixtures"], swiftSettings: gilBound),
        .testTarget(name: "TraceStoreTests", dependencies: ["TraceStore"], swiftSettings: gilBound),
        .testTarget(name: "TracingTests", dependencies: ["Tracing"], swiftSettings: gilBound),
        // Runs the built `hybridize` binary on fixture projects with real TensorFlow: each run needs
        // a fresh process, since an embedded interpreter that imported TensorFlow cannot restart.
        .testTarget(
            name: "EndToEndTests", dependencies: ["TraceStore", "Decisions", "hybridize"],
            exclude: ["Fixtures"], swiftSettings: gilBound),
    ]
)
