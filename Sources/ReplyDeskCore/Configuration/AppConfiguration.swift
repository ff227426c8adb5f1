import Foundation
import Yams

/// The settings a representative can put in `config.yaml` under `$REPLYDESK_HOME`; command-line
/// flags override them.
public struct AppConfiguration: Codable, Sendable, Equatable {
  /// The name recorded with every session.
  public var representative: String
  /// The theme file name under `Themes/` without its extension.
  public var theme: String
  /// The session store (`store:`): a file path, `sqlite:PATH` or `postgres://user@host:port/db`;
  /// nil means the file in the home directory.
  public var store: String?
  /// A file holding the PostgreSQL password (`password_file:`), read when `PGPASSWORD` is unset.
  public var passwordFile: String?

  public init(
    representative: String = AppConfiguration.defaultRepresentative, theme: String = "dark",
    store: String? = nil, passwordFile: String? = nil
  ) {
    self.representative = representative
    self.theme = theme
    self.store = store
    self.passwordFile = passwordFile
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
    case store
    case passwordFile = "password_file"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    representative =
      try container.decodeIfPresent(String.self, forKey: .representative)
      ?? Self.defaultRepresentative
    theme = try container.decodeIfPresent(String.self, forKey: .theme) ?? "dark"
    store = try container.decodeIfPresent(String.self, forKey: .store)
    passwordFile = try container.decodeIfPresent(String.self, forKey: .passwordFile)
  }

  /// Reads `path`; a missing file means the defaults. A malformed file is an error naming the file
  /// and, for each problem (YAML syntax, an unknown setting, a value that is not text), its line.
  public static func load(from path: String) throws -> AppConfiguration {
    guard FileManager.default.fileExists(atPath: path) else { return AppConfiguration() }
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw LoadError(path: path, reason: "cannot be read as UTF-8 text; check the file and its permissions.")
    }
    do {
      let values = try ConfigurationFile.parse(text)
      return AppConfiguration(
        representative: values["representative"] ?? defaultRepresentative, theme: values["theme"] ?? "dark",
        store: values["store"], passwordFile: values["password_file"])
    } catch {
      throw LoadError(path: path, reason: error.problems.joined(separator: "\n  "))
    }
  }
}
