import Foundation
import Testing

@testable import ReplyDeskEngine

/// The model file round-trips exactly and refuses wrong or damaged files with a clear error.
struct ModelFileTests {
  func temporaryPath(_ name: String) -> String {
    NSTemporaryDirectory() + "replydesk-\(UUID().uuidString)-\(name)"
  }

  @Test func roundTrip() throws {
    let (_, model) = SyntheticCorpus.setUp()
    let path = temporaryPath("model")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(model, to: path)
    let loaded = try ModelFile.load(path)
    #expect(loaded == model)
  }

  @Test func rejectsWrongAndDamagedFiles() throws {
    let (_, model) = SyntheticCorpus.setUp()
    let path = temporaryPath("model")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(model, to: path)
    let good = try Data(contentsOf: URL(fileURLWithPath: path))

    #expect(throws: ModelFileError.notAModelFile(path: "x")) {
      try ModelFile.decode(Data("hello world!".utf8), path: "x")
    }
    #expect(throws: ModelFileError.unreadable(path: path + ".missing")) {
      try ModelFile.load(path + ".missing")
    }

    var version = good
    version[4] = 9
    #expect(throws: ModelFileError.unsupportedVersion(path: "x", version: 9)) {
      try ModelFile.decode(version, path: "x")
    }

    let truncated = good.prefix(good.count - 10)
    #expect(throws: ModelFileError.self) { try ModelFile.decode(Data(truncated), path: "x") }

    var flipped = good
    flipped[good.count - 40] ^= 0xFF
    #expect(throws: ModelFileError.damaged(path: "x", reason: "checksum mismatch")) {
      try ModelFile.decode(flipped, path: "x")
    }

    let message = ModelFileError.damaged(path: "m", reason: "checksum mismatch").localizedDescription
    #expect(message.contains("damaged"))
  }

  /// Files from before grounding features (format 2, and format 1 before it) are refused with both
  /// versions named, not misread.
  @Test(arguments: [UInt8(1), 2, 3])
  func anOlderFormatIsRefusedClearly(_ older: UInt8) throws {
    let (_, model) = SyntheticCorpus.setUp()
    var old = try WeightsContainer.encode(ModelFile.kind, header: "x", tensors: model.parameters)
    old[4] = older
    #expect(ModelFile.version == 4)
    do {
      _ = try ModelFile.decode(old, path: "old.model")
      Issue.record("a format \(older) file was accepted")
    } catch let error as ModelFileError {
      #expect(error == .unsupportedVersion(path: "old.model", version: UInt32(older)))
      #expect(
        error.localizedDescription
          == "old.model: model format version \(older) is not supported (expected 4)")
    }
  }
}
