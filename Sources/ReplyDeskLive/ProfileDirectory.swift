import Foundation
import ReplyDeskCore

/// Profiles a hello can name by `customer_id`, loaded from a JSON file: an array of profile
/// objects, an object `{"customers": [...]}`, or JSON lines with one profile per line.
public struct ProfileDirectory: Sendable {
  /// A profiles file that could not be used.
  public struct LoadError: Error, CustomStringConvertible {
    public var description: String
  }

  private var profiles: [String: CustomerProfile]

  public init(_ profiles: [CustomerProfile]) {
    self.profiles = Dictionary(profiles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// How many profiles the directory holds.
  public var count: Int { profiles.count }

  /// The profile with `id`, if any.
  public func profile(id: String) -> CustomerProfile? { profiles[id] }

  /// Reads `path`. Profiles without an id are an error (nothing could find them).
  public static func load(path: String) throws(LoadError) -> ProfileDirectory {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw LoadError(description: "Cannot read profiles file \(path): \(ErrorText.sentence(for: error))")
    }
    let values: [JSONValue]
    if let document = try? JSONValue.parse(data) {
      values = document["customers"]?.elements ?? (document.isObject ? [document] : document.elements)
    } else {
      values = try jsonLines(data, path: path)
    }
    var profiles: [CustomerProfile] = []
    for (index, value) in values.enumerated() {
      guard value.isObject, value["id", "customer_id"]?.text != nil else {
        throw LoadError(description: "\(path): profile \(index + 1) has no \"id\".")
      }
      profiles.append(LenientProfile.profile(from: value, fallbackID: ""))
    }
    return ProfileDirectory(profiles)
  }

  private static func jsonLines(_ data: Data, path: String) throws(LoadError) -> [JSONValue] {
    var values: [JSONValue] = []
    for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .enumerated()
    where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
      guard let value = try? JSONValue.parse(line) else {
        throw LoadError(description: "\(path): line \(number + 1) is not valid JSON.")
      }
      values.append(value)
    }
    return values
  }
}
