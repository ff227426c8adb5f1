import Foundation

/// The layout both model files share: 4 magic bytes, a format version, the header length, a JSON
/// header, every tensor as little-endian Float32, then an FNV-1a checksum of the tensor bytes.
enum WeightsContainer {
  /// A file's framing: which kind it is, the version it must have, and its errors for either.
  struct Kind: Sendable {
    var magic: [UInt8]
    var version: UInt32
    var wrongMagic: @Sendable (_ path: String) -> ModelFileError
    var wrongVersion: @Sendable (_ path: String, _ version: UInt32) -> ModelFileError
  }

  static func encode<Header: Encodable>(_ kind: Kind, header: Header, tensors: [Matrix]) throws -> Data {
    let headerData = try JSONEncoder().encode(header)
    var data = Data(kind.magic)
    appendUInt32(kind.version, to: &data)
    appendUInt32(UInt32(headerData.count), to: &data)
    data.append(headerData)
    let start = data.count
    for tensor in tensors {
      tensor.data.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    let checksum = data[start...].withUnsafeBytes { checksumOf($0) }
    appendUInt32(checksum, to: &data)
    return data
  }

  /// Checks the framing and the checksum and reads the tensors; `shapes` validates the header and
  /// returns the tensor shapes it implies (rows, cols), in file order.
  static func decode<Header: Decodable>(
    _ kind: Kind, _ bytes: UnsafeRawBufferPointer, path: String,
    shapes: (Header) throws -> [(rows: Int, cols: Int)]
  ) throws -> (Header, [Matrix]) {
    guard bytes.count >= 12, Array(bytes[0..<4]) == kind.magic else { throw kind.wrongMagic(path) }
    let fileVersion = readUInt32(bytes, at: 4)
    guard fileVersion == kind.version else { throw kind.wrongVersion(path, fileVersion) }
    let headerLength = Int(readUInt32(bytes, at: 8))
    guard 12 + headerLength <= bytes.count else {
      throw ModelFileError.damaged(path: path, reason: "truncated header")
    }
    let header: Header
    do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[12..<(12 + headerLength)])) } catch {
      throw ModelFileError.damaged(path: path, reason: "unreadable header")
    }
    let expected = try shapes(header)
    let floats = expected.reduce(0) { $0 + $1.rows * $1.cols }
    let start = 12 + headerLength
    guard bytes.count == start + floats * 4 + 4 else {
      throw ModelFileError.damaged(
        path: path, reason: "expected \(start + floats * 4 + 4) bytes, found \(bytes.count)")
    }
    let checksum = checksumOf(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + floats * 4)]))
    guard checksum == readUInt32(bytes, at: start + floats * 4) else {
      throw ModelFileError.damaged(path: path, reason: "checksum mismatch")
    }
    var tensors: [Matrix] = []
    var offset = start
    for shape in expected {
      var tensor = Matrix(rows: shape.rows, cols: shape.cols)
      tensor.data.withUnsafeMutableBytes { target in
        target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + target.count)]))
      }
      offset += tensor.count * 4
      tensors.append(tensor)
    }
    return (header, tensors)
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
