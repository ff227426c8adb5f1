import Foundation
import Testing

/// Runs `replydesk bench load` with three socket customers for a moment: a functional check that
/// customers connect, the headless console takes and answers them, and figures are printed.
struct BenchLoadEndToEndTests {
  @Test func threeCustomersAreServedAndFiguresPrinted() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let root = ReplyDeskBinary.packageRoot
    let result = try ReplyDeskBinary.run(
      [
        "bench", "load", "--customers", "3", "--seconds", "3", "--think", "0.05", "--templates",
        root.appendingPathComponent("Templates").path, "--scenarios",
        root.appendingPathComponent("Scenarios").path,
      ], home: home)
    #expect(result.status == 0, "\(result.output)")
    let line = try #require(result.output.split(separator: "\n").first { $0.contains("customer messages") })
    let words = line.split(separator: " ")
    let messages = try #require(words.firstIndex(of: "messages").flatMap { Int(words[$0 + 1]) })
    let taken = try #require(words.firstIndex(of: "taken").flatMap { Int(words[$0 + 1].dropLast()) })
    #expect(messages >= 6, "\(result.output)")
    #expect(taken >= 3, "\(result.output)")
    #expect(result.output.contains("suggestion latency"), "\(result.output)")
    #expect(result.output.contains("lexical ranker"), "\(result.output)")
  }
}
