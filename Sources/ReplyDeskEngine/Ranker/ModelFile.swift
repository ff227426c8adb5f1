import Foundation

/// A model file that cannot be used, with the reason.
public enum ModelFileError: Error, LocalizedError, Equatable {
  case unreadable(path: String)
  case notAModelFile(path: String)
  case unsupportedVersion(path: String, version: UInt32)
  case damaged(path: String, reason: String)

  public var errorDescription: String? { "\(path): \(reason)" }

  /// The file the error is about.
  var path: String {
    switch self {
    case .unreadable(let path), .notAModelFile(let path), .unsupportedVersion(let path, _),
      .damaged(let path, _):
      return path
    }
  }

  /// What is wrong with the file, without its path.
  public var reason: String {
    switch self {
    case .unreadable: return "cannot read the model file"
    case .notAModelFile: return "not a ReplyDesk ranker model (wrong magic bytes)"
    case .unsupportedVersion(_, let version):
      return "model format version \(version) is not supported (expected \(ModelFile.version))"
    case .damaged(_, let reason): return "damaged model file (\(reason))"
    }
  }
}

/// The versioned model file: magic "RDNR", format version, header length, JSON header (config,
/// vocabulary, tensor shapes), then every tensor as little-endian Float32, then an FNV-1a checksum
/// of the tensor bytes. Version 4 added the word-level profile readout (`profilePoolQuery`,
/// `profileReadW`).
public enum ModelFile {
  public static let version: UInt32 = 4

  struct Header: Codable {
    var config: RankerConfig
    var words: [String]
    var buckets: Int
    var shapes: [[Int]]
  }

  static let kind = WeightsContainer.Kind(
    magic: Array("RDNR".utf8), version: version, wrongMagic: { ModelFileError.notAModelFile(path: $0) },
    wrongVersion: { ModelFileError.unsupportedVersion(path: $0, version: $1) })

  public static func save(_ model: RankerModel, to path: String) throws {
    let header = Header(
      config: model.config, words: model.vocabulary.words, buckets: model.vocabulary.buckets,
      shapes: model.parameters.map { [$0.rows, $0.cols] })
    let data = try WeightsContainer.encode(kind, header: header, tensors: model.parameters)
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  public static func load(_ path: String) throws -> RankerModel {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ModelFileError.unreadable(path: path)
    }
    return try decode(data, path: path)
  }

  static func decode(_ data: Data, path: String = "model") throws -> RankerModel {
    try data.withUnsafeBytes { try decode($0, path: path) }
  }

  static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws -> RankerModel {
    var vocabulary = Vocabulary(words: [], buckets: 1)
    let (header, parameters) = try WeightsContainer.decode(kind, bytes, path: path) { (header: Header) in
      vocabulary = Vocabulary(words: header.words, buckets: header.buckets)
      let expected = RankerParameter.allCases.map { $0.shape(header.config, rows: vocabulary.rowCount) }
      guard header.shapes == expected.map({ [$0.0, $0.1] }) else {
        throw ModelFileError.damaged(path: path, reason: "tensor shapes do not match the configuration")
      }
      return expected.map { (rows: $0.0, cols: $0.1) }
    }
    return RankerModel(config: header.config, vocabulary: vocabulary, parameters: parameters)
  }
}
