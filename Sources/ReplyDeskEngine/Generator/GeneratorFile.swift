import Foundation

/// The generator's model file: magic "RDNG", format version, header length, JSON header (config,
/// words, tensor shapes), every tensor as little-endian Float32, then an FNV-1a checksum of the
/// tensor bytes. Errors are `ModelFileError`s, as for the ranker. Version 2: the prefix starts with
/// the grounding feature tokens of the order in question (version 1 files are refused).
public enum GeneratorFile {
  public static let version: UInt32 = 2

  struct Header: Codable {
    var config: GeneratorConfig
    var words: [String]
    var shapes: [[Int]]
  }

  static let kind = WeightsContainer.Kind(
    magic: Array("RDNG".utf8), version: version,
    wrongMagic: {
      ModelFileError.damaged(path: $0, reason: "not a ReplyDesk generator model (wrong magic bytes)")
    },
    wrongVersion: {
      ModelFileError.damaged(path: $0, reason: "generator format version \($1) is not supported")
    })

  public static func save(_ model: GeneratorModel, to path: String) throws {
    let header = Header(
      config: model.config, words: model.vocabulary.words,
      shapes: model.parameters.map { [$0.rows, $0.cols] })
    let data = try WeightsContainer.encode(kind, header: header, tensors: model.parameters)
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  public static func load(_ path: String) throws -> GeneratorModel {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ModelFileError.unreadable(path: path)
    }
    return try decode(data, path: path)
  }

  static func decode(_ data: Data, path: String = "generator") throws -> GeneratorModel {
    var vocabulary = GeneratorVocabulary(words: [])
    let (header, parameters) = try data.withUnsafeBytes { bytes in
      try WeightsContainer.decode(kind, bytes, path: path) { (header: Header) in
        let config = header.config
        let sizes = [config.dim, config.ffn, config.layers, config.maxContextTokens, config.maxReplyTokens]
        guard sizes.allSatisfy({ $0 > 0 && $0 <= 8192 }), config.layers <= 64,
          header.words.count <= 1_000_000,
          config.maxTurns >= 0, (0..<config.maxContextTokens).contains(config.maxProfileWords)
        else {
          throw ModelFileError.damaged(path: path, reason: "configuration sizes out of range")
        }
        vocabulary = GeneratorVocabulary(words: header.words)
        let expected = GeneratorLayout(config: config, vocabularySize: vocabulary.count).shapes
        guard header.shapes == expected.map({ [$0.rows, $0.cols] }) else {
          throw ModelFileError.damaged(path: path, reason: "tensor shapes do not match the configuration")
        }
        return expected.map { (rows: $0.rows, cols: $0.cols) }
      }
    }
    return GeneratorModel(config: header.config, vocabulary: vocabulary, parameters: parameters)
  }
}
