import Foundation

/// A model file that cannot be used, with the reason.
public enum ModelFileError: Error, LocalizedError, Equatable {
  case unreadable(path: String)
  case notAModelFile(path: String)
  case unsupportedVersion(path: String, version: UInt32)
  case damaged(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let path): return "\(path): cannot read the model file"
    case .notAModelFile(let path): return "\(path): not a ReplyDesk ranker model (wrong magic bytes)"
    case .unsupportedVersion(let path, let version):
      return "\(path): model format version \(version) is not supported (expected \(ModelFile.version))"
    case .damaged(let path, let reason): return "\(path): damaged model file (\(reason))"
    }
  }
}

/// The versioned model file: magic "RDNR", format version, header length, JSON header (config,
/// vocabulary, tensor shapes), then every tensor as little-endian Float32, then an FNV-1a checksum
/// of the tensor bytes.
public enum ModelFile {
  public static let version: UInt32 = 1
  static let magic: [UInt8] = Array("RDNR".utf8)

  struct Header: Codable {
    var config: RankerConfig
    var words: [String]
    var buckets: Int
    var shapes: [[Int]]
  }

  public static func save(_ model: RankerModel, to path: String) throws {
    let header = Header(
      config: model.config, words: model.vocabulary.words, buckets: model.vocabulary.buckets,
      shapes: model.parameters.map { [$0.rows, $0.cols] })
    let headerData = try JSONEncoder().encode(header)
    var data = Data(magic)
    appendUInt32(version, to: &data)
    appendUInt32(UInt32(headerData.count), to: &data)
    data.append(headerData)
    let start = data.count
    for tensor in model.parameters {
      tensor.data.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    let checksum = data[start...].withUnsafeBytes { checksumOf($0) }
    appendUInt32(checksum, to: &data)
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  public static func load(_ path: String) throws -> RankerModel {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ModelFileError.unreadable(path: path)
    }
    return try decode(data, path: path)
  }

  public static func decode(_ data: Data, path: String = "model") throws -> RankerModel {
    try data.withUnsafeBytes { try decode($0, path: path) }
  }

  static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws -> RankerModel {
    guard bytes.count >= 12, Array(bytes[0..<4]) == magic else {
      throw ModelFileError.notAModelFile(path: path)
    }
    let fileVersion = readUInt32(bytes, at: 4)
    guard fileVersion == version else {
      throw ModelFileError.unsupportedVersion(path: path, version: fileVersion)
    }
    let headerLength = Int(readUInt32(bytes, at: 8))
    guard 12 + headerLength <= bytes.count else {
      throw ModelFileError.damaged(path: path, reason: "truncated header")
    }
    let header: Header
    do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[12..<(12 + headerLength)])) } catch {
      throw ModelFileError.damaged(path: path, reason: "unreadable header")
    }
    let vocabulary = Vocabulary(words: header.words, buckets: header.buckets)
    let expected = RankerParameter.allCases.map { name -> [Int] in
      let (rows, cols) = name.shape(header.config, rows: vocabulary.rowCount)
      return [rows, cols]
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
    let checksum = checksumOf(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + floats * 4)]))
    guard checksum == readUInt32(bytes, at: start + floats * 4) else {
      throw ModelFileError.damaged(path: path, reason: "checksum mismatch")
    }
    var parameters: [Matrix] = []
    var offset = start
    for shape in expected {
      var tensor = Matrix(rows: shape[0], cols: shape[1])
      tensor.data.withUnsafeMutableBytes { target in
        target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + target.count)]))
      }
      offset += tensor.count * 4
      parameters.append(tensor)
    }
    return RankerModel(config: header.config, vocabulary: vocabulary, parameters: parameters)
  }

  static func checksumOf(_ buffer: UnsafeRawBufferPointer) -> UInt32 {
    var h: UInt32 = 2_166_136_261
    for byte in buffer { h = (h ^ UInt32(byte)) &* 16_777_619 }
    return h
  }

  static func appendUInt32(_ value: UInt32, to data: inout Data) {
    withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
  }

  static func readUInt32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
  }
}
