// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "ReplyDesk",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "replydesk", targets: ["replydesk"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas"),
    .target(
      name: "ReplyDeskCore",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "ReplyDeskSimulation",
      dependencies: ["ReplyDeskCore", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "ReplyDeskStore",
      dependencies: ["ReplyDeskCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(
      name: "ReplyDeskPostgresStore",
      dependencies: [
        "ReplyDeskCore", "ReplyDeskStore", .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .target(name: "ReplyDeskEngine", dependencies: ["ReplyDeskCore", "CBLAS"]),
    .target(name: "ReplyDeskLive", dependencies: ["ReplyDeskCore"]),
    .target(
      name: "ReplyDeskConsole",
      dependencies: ["ReplyDeskCore", "CNcursesw", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "ReplyDeskApp",
      dependencies: [
        "ReplyDeskCore", "ReplyDeskSimulation", "ReplyDeskStore", "ReplyDeskPostgresStore", "ReplyDeskEngine",
        "ReplyDeskConsole", "ReplyDeskLive",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "ReplyDeskBench",
      dependencies: [
        "ReplyDeskApp", "ReplyDeskCore", "ReplyDeskSimulation", "ReplyDeskStore", "ReplyDeskPostgresStore",
        "ReplyDeskEngine", "ReplyDeskConsole", "ReplyDeskLive",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "replydesk",
      dependencies: [
        "ReplyDeskApp", "ReplyDeskBench", "ReplyDeskCore", "ReplyDeskSimulation", "ReplyDeskStore",
        "ReplyDeskPostgresStore", "ReplyDeskEngine", "ReplyDeskConsole", "ReplyDeskLive",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "ReplyDeskCoreTests", dependencies: ["ReplyDeskCore", "ReplyDeskSimulation"]),
    .testTarget(name: "ReplyDeskSimulationTests", dependencies: ["ReplyDeskSimulation", "ReplyDeskCore"]),
    .testTarget(
      name: "ReplyDeskConsoleTests", dependencies: ["ReplyDeskConsole", "ReplyDeskCore"],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "ReplyDeskStoreTests",
      dependencies: ["ReplyDeskStore", "ReplyDeskPostgresStore", "ReplyDeskCore"]),
    .testTarget(
      name: "ReplyDeskEngineTests",
      dependencies: ["ReplyDeskEngine", "ReplyDeskCore", "ReplyDeskSimulation"],
      exclude: ["Fixtures"]),
    .testTarget(name: "ReplyDeskLiveTests", dependencies: ["ReplyDeskLive", "ReplyDeskCore"]),
    .testTarget(
      name: "ReplyDeskAppTests",
      dependencies: [
        "ReplyDeskApp", "ReplyDeskCore", "ReplyDeskEngine", "ReplyDeskSimulation", "ReplyDeskStore",
      ]),
    .testTarget(name: "ReplyDeskBenchTests", dependencies: ["ReplyDeskBench", "ReplyDeskCore"]),
    .testTarget(name: "EndToEndTests", dependencies: ["ReplyDeskCore"], exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
