// swift-tools-version:6.0
import PackageDescription

// Self-contained write-throughput benchmark: GRDB.swift vs. the raw sqlite3 C API.
// Build and run with: swift run -c release
let package = Package(
    name: "SQLiteWrites",
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // Raw access to the system SQLite (libsqlite3-dev), the same library GRDB links.
        .systemLibrary(
            name: "CSQLite3",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .executableTarget(
            name: "SQLiteWrites",
            dependencies: [
                "CSQLite3",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
