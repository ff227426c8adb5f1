import Foundation
import Yams

/// The settings a representative can put in `config.yaml` under `$REPLYDESK_HOME`; command-line
/// flags override them.
public struct AppConfiguration: Codable, Sendable, Equatable {
  /// The name recorded with every session.
  public var representative: String
  /// The theme file name under `Themes/` without its extension.
  public var theme: String

  public init(representative: String = AppConfiguration.defaultRepresentative, theme: String = "dark") {
    self.representative = representative
    self.theme = theme
  }

  /// The login name of the user running the console.
  public static var defaultRepresentative: String {
    ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "representative"
  }

  /// A configuration file that could not be read, with where and why.
  public struct LoadError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }

  private enum CodingKeys: String, CodingKey {
    case representative
    case theme
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    representative =
      try container.decodeIfPresent(String.self, forKey: .representative)
      ?? Self.defaultRepresentative
    theme = try container.decodeIfPresent(String.self, forKey: .theme) ?? "dark"
  }

  /// Reads `path`; a missing file means the defaults, a malformed one is an error naming the file.
  public static func load(from path: String) throws -> AppConfiguration {
    guard FileManager.default.fileExists(atPath: path) else { return AppConfiguration() }
    do {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return AppConfiguration() }
      return try YAMLDecoder().decode(AppConfiguration.self, from: text)
    } catch let error as DecodingError {
      throw LoadError(path: path, reason: Self.describe(error))
    } catch {
      throw LoadError(path: path, reason: "\(error)")
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .keyNotFound(_, let context), .dataCorrupted(let context):
      let field = context.codingPath.map(\.stringValue).joined(separator: ".")
      return field.isEmpty ? context.debugDescription : "\(field): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
