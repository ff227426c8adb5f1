import ArgumentParser
import Foundation
import ReplyDeskCore
import ReplyDeskStore
import Testing

@testable import ReplyDeskBench

@Test func everyBenchCommandParsesWithItsDefaults() throws {
  let names = BenchCommand.configuration.subcommands.map { $0._commandName }
  #expect(
    Set(names) == [
      "console", "lexical", "ranker", "generator", "live", "load", "store", "store-fault", "floor", "paste",
    ])
  let required = [
    "store-fault": ["--store", "postgres://rep@127.0.0.1:5432/replydesk", "--control", "scripts/pg-control"]
  ]
  for name in names {
    let parsed = try BenchCommand.parseAsRoot([name] + required[name, default: []])
    #expect(type(of: parsed)._commandName == name)
  }
}

@Test func benchOptionsOutOfRangeAreRefused() {
  #expect(throws: (any Error).self) { try BenchCommand.parseAsRoot(["store-fault"]) }
  #expect(throws: (any Error).self) { try BenchCommand.parseAsRoot(["live", "--clients", "0"]) }
  #expect(throws: (any Error).self) { try BenchCommand.parseAsRoot(["console", "--frames", "0"]) }
  #expect(throws: (any Error).self) { try BenchCommand.parseAsRoot(["ranker", "--format", "pdf"]) }
}

@Test func theStoreLoadRecordsEveryEventItCounts() throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let path = directory.appendingPathComponent("load.sqlite").path
  let outcome = StoreLoad(runID: "test", seconds: 0.3).run(consoles: 2) { _ in try SessionStore(path: path) }
  #expect(outcome.failures.isEmpty)
  #expect(outcome.recorded.count == 2)
  #expect(outcome.eventCount > 0)
  #expect(outcome.milliseconds.count == outcome.eventCount)
  #expect(outcome.latency.p99 >= outcome.latency.median)
  let store = try SessionStore(path: path)
  let chats = Set(outcome.recorded.flatMap { $0.map(\.chat) })
  let stored = try chats.reduce(0) { $0 + (try store.events(of: $1).count) }
  #expect(stored == outcome.eventCount)
}
