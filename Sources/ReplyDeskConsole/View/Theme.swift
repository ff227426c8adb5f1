import Foundation
import Yams

/// How one role is drawn: optional 256-colour foreground and background, plus attributes that
/// also carry the meaning on monochrome terminals.
public struct Style: Equatable, Sendable {
  public var foreground: Int?
  public var background: Int?
  public var bold = false
  public var underline = false
  public var reverse = false
  public var dim = false

  public init(
    foreground: Int? = nil, background: Int? = nil, bold: Bool = false, underline: Bool = false,
    reverse: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }
}

/// Colours and attributes for each `StyleRole`, read from `Themes/<name>.yaml`.
public struct Theme: Equatable, Sendable {
  public var name: String
  public var styles: [StyleRole: Style]

  public init(name: String, styles: [StyleRole: Style]) {
    self.name = name
    self.styles = styles
  }

  /// The style of `role`; roles a theme leaves out are drawn plain.
  public func style(for role: StyleRole) -> Style { styles[role] ?? Style() }

  /// The theme used when no theme file is found: attributes only, readable anywhere.
  public static let fallback = Theme(
    name: "builtin",
    styles: [
      .title: Style(bold: true, reverse: true), .border: Style(dim: true), .dim: Style(dim: true),
      .status: Style(reverse: true), .customer: Style(bold: true), .system: Style(dim: true),
      .slot: Style(underline: true), .missing: Style(bold: true, reverse: true),
      .warning: Style(bold: true), .selection: Style(reverse: true), .attended: Style(underline: true),
      .help: Style(bold: true), .deleted: Style(underline: true, dim: true), .inserted: Style(bold: true),
    ])

  /// Loads `<name>.yaml` from the first search path that has it.
  public static func load(named name: String, searchPaths: [String]) throws -> Theme {
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !name.isEmpty
    else { throw ThemeError(file: name, line: nil, message: "invalid theme name") }
    for directory in searchPaths {
      let path = URL(fileURLWithPath: directory).appendingPathComponent("\(name).yaml").path
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let text: String
      do {
        text = try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        throw ThemeError(file: path, line: nil, message: "cannot be read as UTF-8 text")
      }
      return try parse(yaml: text, file: path)
    }
    let places = searchPaths.isEmpty ? "no search paths" : searchPaths.joined(separator: ", ")
    throw ThemeError(file: "\(name).yaml", line: nil, message: "not found in \(places)")
  }

  /// The theme search paths: `$REPLYDESK_THEMES`, then `Themes/` in the working directory.
  public static var defaultSearchPaths: [String] {
    var paths: [String] = []
    if let custom = ProcessInfo.processInfo.environment["REPLYDESK_THEMES"], !custom.isEmpty {
      paths.append(custom)
    }
    paths.append(FileManager.default.currentDirectoryPath + "/Themes")
    return paths
  }

  /// Parses a theme document; `file` names it in errors.
  public static func parse(yaml: String, file: String) throws -> Theme {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw ThemeError(file: file, line: ThemeParser.line(of: error), message: "is not valid YAML")
    }
    return try ThemeParser(file: file).theme(from: root)
  }
}

/// A theme file that cannot be used, naming the file and, when known, the line.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String

  public var description: String {
    if let line { return "theme \(file):\(line): \(message)" }
    return "theme \(file): \(message)"
  }
}
