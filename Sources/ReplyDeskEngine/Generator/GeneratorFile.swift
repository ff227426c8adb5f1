import Foundation

/// The generator's model file: magic "RDNG", format version, header length, JSON header (config,
/// words, tensor shapes), every tensor as little-endian Float32, then an FNV-1a checksum of the
/// tensor bytes. Errors are `ModelFileError`s, as for the ranker.
public enum GeneratorFile {
  public static let version: UInt32 = 1
  static let magic: [UInt8] = Array("RDNG".utf8)

  struct Header: Codable {
    var config: GeneratorConfig
    var words: [String]
    var shapes: [[Int]]
  }

  public static func save(_ model: GeneratorModel, to path: String) throws {
    let header = Header(
      config: model.config, words: model.vocabulary.words,
      shapes: model.parameters.map { [$0.rows, $0.cols] })
    let headerData = try JSONEncoder().encode(header)
    var data = Data(magic)
    ModelFile.appendUInt32(version, to: &data)
    ModelFile.appendUInt32(UInt32(headerData.count), to: &data)
    data.append(headerData)
    let start = data.count
    for tensor in model.parameters {
      tensor.data.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    let checksum = data[start...].withUnsafeBytes { ModelFile.checksumOf($0) }
    ModelFile.appendUInt32(checksum, to: &data)
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  public static func load(_ path: String) throws -> GeneratorModel {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ModelFileError.unreadable(path: path)
    }
    return try decode(data, path: path)
  }

  public static func decode(_ data: Data, path: String = "generator") throws -> GeneratorModel {
    let bytes = [UInt8](data)
    guard bytes.count >= 12, Array(bytes[0..<4]) == magic else {
      throw ModelFileError.damaged(path: path, reason: "not a ReplyDesk generator model (wrong magic bytes)")
    }
    let fileVersion = bytes.withUnsafeBytes { ModelFile.readUInt32($0, at: 4) }
    guard fileVersion == version else {
      throw ModelFileError.damaged(
        path: path, reason: "generator format version \(fileVersion) is not supported")
    }
    let headerLength = Int(bytes.withUnsafeBytes { ModelFile.readUInt32($0, at: 8) })
    guard 12 + headerLength <= bytes.count else {
      throw ModelFileError.damaged(path: path, reason: "truncated header")
    }
    let header: Header
    do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[12..<(12 + headerLength)])) } catch {
      throw ModelFileError.damaged(path: path, reason: "unreadable header")
    }
    let config = header.config
    let sizes = [config.dim, config.ffn, config.layers, config.maxContextTokens, config.maxReplyTokens]
    guard sizes.allSatisfy({ $0 > 0 && $0 <= 8192 }), config.layers <= 64, header.words.count <= 1_000_000,
      config.maxTurns >= 0, (0..<config.maxContextTokens).contains(config.maxProfileWords)
    else {
      throw ModelFileError.damaged(path: path, reason: "configuration sizes out of range")
    }
    let vocabulary = GeneratorVocabulary(words: header.words)
    let expected = GeneratorLayout(config: header.config, vocabularySize: vocabulary.count).shapes.map {
      [$0.rows, $0.cols]
    }
    guard header.shapes == expected else {
      throw ModelFileError.damaged(path: path, reason: "tensor shapes do not match the configuration")
    }
    let floats = expected.reduce(0) { $0 + $1[0] * $1[1] }
    let start = 12 + headerLength
    guard bytes.count == start + floats * 4 + 4 else {
      throw ModelFileError.damaged(
        path: path, reason: "expected \(start + floats * 4 + 4) bytes, found \(bytes.count)")
    }
    let checksum = bytes[start..<(start + floats * 4)].withUnsafeBytes { ModelFile.checksumOf($0) }
    let stored = bytes.withUnsafeBytes { ModelFile.readUInt32($0, at: start + floats * 4) }
    guard checksum == stored else {
      throw ModelFileError.damaged(path: path, reason: "checksum mismatch")
    }
    var parameters: [Matrix] = []
    var offset = start
    for shape in expected {
      var tensor = Matrix(rows: shape[0], cols: shape[1])
      tensor.data.withUnsafeMutableBytes { target in
        bytes.withUnsafeBytes { source in
          target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + target.count)]))
        }
      }
      offset += tensor.count * 4
      parameters.append(tensor)
    }
    return GeneratorModel(config: header.config, vocabulary: vocabulary, parameters: parameters)
  }
}
