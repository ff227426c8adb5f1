import Foundation
import ReplyDeskStore

/// Finds the password for a PostgreSQL login without it ever being typed on a command line:
/// `PGPASSWORD`, else the file `password_file:` names in config.yaml, else the matching line of
/// `PGPASSFILE` or `~/.pgpass` (`host:port:database:user:password`, `*` matches anything).
public enum PostgresPassword {
  /// The password to log in to `address` with, or nil to try without one.
  public static func find(
    for address: PostgresAddress, passwordFile: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> String? {
    if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
    if let passwordFile {
      let path = expandingTilde(passwordFile, environment: environment)
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw StoreError.unreachable(
          location: address.description,
          detail: "the password file \(path) (password_file: in config.yaml) cannot be read")
      }
      return text.trimmingCharacters(in: .newlines)
    }
    let passFile = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
    guard let passFile, let text = try? String(contentsOfFile: passFile, encoding: .utf8) else { return nil }
    return matching(text, address: address)
  }

  /// The password of the first `.pgpass` line that matches `address`.
  static func matching(_ text: String, address: PostgresAddress) -> String? {
    let wanted = [address.host, String(address.port), address.database, address.user]
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = splitFields(String(line))
      guard fields.count == 5 else { continue }
      if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  /// Splits a `.pgpass` line at unescaped colons; `\:` and `\\` stand for `:` and `\`.
  private static func splitFields(_ line: String) -> [String] {
    var fields = [""]
    var escaped = false
    for character in line {
      if escaped {
        fields[fields.count - 1].append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" && fields.count < 5 {
        fields.append("")
      } else {
        fields[fields.count - 1].append(character)
      }
    }
    return fields
  }

  private static func expandingTilde(_ path: String, environment: [String: String]) -> String {
    guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
    return home + path.dropFirst()
  }
}
