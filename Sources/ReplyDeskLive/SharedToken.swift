import Foundation
import ReplyDeskCore

/// The secret a TCP peer must present in its first line, compared in constant time.
public struct SharedToken: Sendable {
  /// A token file that cannot be used.
  public struct LoadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Tokens shorter than this are refused: they could be guessed.
  public static let minimumLength = 16
  /// Tokens with fewer different characters than this (`aaaa…`, `abab…`) are refused too.
  public static let minimumDistinctCharacters = 6

  private let bytes: [UInt8]

  public init(_ token: String) throws(LoadError) {
    bytes = Array(token.utf8)
    guard bytes.count >= Self.minimumLength else {
      throw LoadError(
        description:
          "The token is shorter than \(Self.minimumLength) characters; make one with `openssl rand -hex 24`.")
    }
    guard Set(bytes).count >= Self.minimumDistinctCharacters else {
      throw LoadError(
        description:
          "The token repeats too few characters to be hard to guess; make one with `openssl rand -hex 24`.")
    }
  }

  /// Reads the first line of `path` (surrounding whitespace trimmed).
  public static func load(path: String) throws(LoadError) -> SharedToken {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw LoadError(description: "Cannot read token file \(path): \(ErrorText.sentence(for: error))")
    }
    let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    return try SharedToken(firstLine.trimmingCharacters(in: .whitespaces))
  }

  /// The token's text, for a client that sends it.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Whether `candidate` is the token; the time taken does not depend on where they differ.
  public func matches(_ candidate: String?) -> Bool {
    let offered = Array((candidate ?? "").utf8)
    var difference = UInt8(truncatingIfNeeded: offered.count ^ bytes.count)
    for index in 0..<bytes.count {
      let other = index < offered.count ? offered[index] : 0
      difference |= bytes[index] ^ other
    }
    return difference == 0 && offered.count == bytes.count
  }
}
