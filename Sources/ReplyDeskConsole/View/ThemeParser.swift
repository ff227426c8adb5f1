import Yams

/// Reads the `name:` and `roles:` mapping of a theme document, checking every value.
struct ThemeParser {
  let file: String

  static let colorNames: [String: Int] = [
    "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    "bright-black": 8, "grey": 8, "gray": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
    "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
  ]

  static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default:
      return nil
    }
  }

  func theme(from root: Node?) throws -> Theme {
    guard let root, let mapping = root.mapping else {
      throw fail(root, "must be a mapping with `name` and `roles`")
    }
    var name: String?
    var styles: [StyleRole: Style] = [:]
    for (key, value) in mapping {
      switch key.string {
      case "name":
        guard let text = value.string, value.scalar != nil else { throw fail(value, "`name` must be text") }
        name = text
      case "roles":
        styles = try roles(value)
      default:
        throw fail(key, "unknown key `\(key.string ?? "?")` (expected `name` or `roles`)")
      }
    }
    guard let name else { throw fail(root, "missing `name`") }
    return Theme(name: name, styles: styles)
  }

  private func roles(_ node: Node) throws -> [StyleRole: Style] {
    guard let mapping = node.mapping else { throw fail(node, "`roles` must be a mapping") }
    var styles: [StyleRole: Style] = [:]
    for (key, value) in mapping {
      guard let roleName = key.string, let role = StyleRole(rawValue: roleName) else {
        let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
        throw fail(key, "unknown role `\(key.string ?? "?")` (known: \(known))")
      }
      styles[role] = try style(value, role: roleName)
    }
    return styles
  }

  private func style(_ node: Node, role: String) throws -> Style {
    guard let mapping = node.mapping else {
      throw fail(node, "role `\(role)` must be a mapping such as { fg: 208, bold: true }")
    }
    var style = Style()
    for (key, value) in mapping {
      switch key.string {
      case "fg": style.foreground = try color(value)
      case "bg": style.background = try color(value)
      case "bold": style.bold = try flag(value)
      case "underline": style.underline = try flag(value)
      case "reverse": style.reverse = try flag(value)
      case "dim": style.dim = try flag(value)
      default:
        throw fail(key, "unknown attribute `\(key.string ?? "?")` in role `\(role)`")
      }
    }
    return style
  }

  private func color(_ node: Node) throws -> Int? {
    if let index = node.int {
      guard (0...255).contains(index) else { throw fail(node, "colour \(index) is outside 0...255") }
      return index
    }
    guard let name = node.string?.lowercased() else { throw fail(node, "a colour must be 0...255 or a name") }
    if name == "default" { return nil }
    guard let index = Self.colorNames[name] else { throw fail(node, "unknown colour `\(name)`") }
    return index
  }

  private func flag(_ node: Node) throws -> Bool {
    guard let value = node.bool else { throw fail(node, "expected true or false") }
    return value
  }

  private func fail(_ node: Node?, _ message: String) -> ThemeError {
    ThemeError(file: file, line: node?.mark?.line, message: message)
  }
}
