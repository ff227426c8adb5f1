import Foundation

/// A problem found while loading templates, located at `file:line`.
public struct TemplateIssue: Error, Sendable, Equatable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(location: SourceLocation, message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(message)" }
}

/// The reason a template directory could not be read at all.
public struct TemplateDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): \(reason)" }
}

/// The reply templates of a directory of YAML files, plus every problem found in them. A broken file
/// or template is reported and skipped; the rest still load.
public struct TemplateLibrary: Sendable {
  public private(set) var templates: [ReplyTemplate] = []
  public private(set) var issues: [TemplateIssue] = []
  /// The files read, in load order.
  public private(set) var files: [String] = []
  private var locationsByID: [String: SourceLocation] = [:]

  /// A library holding `templates` (and the problems met loading them) as given.
  public init(templates: [ReplyTemplate] = [], issues: [TemplateIssue] = []) {
    self.templates = templates
    self.issues = issues
  }

  /// What the console says on screen when templates were skipped; `nil` when none were.
  public var loadWarning: String? {
    guard !issues.isEmpty else { return nil }
    let problems = issues.count == 1 ? "1 template problem was" : "\(issues.count) template problems were"
    return "\(problems) found and those templates skipped; run replydesk templates check to see where."
  }

  /// Loads every `.yaml` and `.yml` file of `directory` in name order.
  public static func load(directory: URL) throws(TemplateDirectoryError) -> TemplateLibrary {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw TemplateDirectoryError(path: directory.path, reason: "cannot read the template directory")
    }
    var library = TemplateLibrary()
    for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      let file = directory.appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: file.path) else {
        library.report(file.path, 1, "cannot read the file")
        continue
      }
      guard let yaml = String(data: data, encoding: .utf8) else {
        library.report(file.path, 1, "the file is not valid UTF-8")
        continue
      }
      library.add(yaml: yaml, file: file.path)
    }
    library.reportUnknownOffers()
    return library
  }

  /// Reports every `after:` that names a template no file defines.
  mutating func reportUnknownOffers() {
    for template in templates {
      for id in template.conditions.after where locationsByID[id] == nil {
        report(
          template.location?.file ?? "", template.location?.line ?? 1,
          "'after' of '\(template.id)' names '\(id)', which no template file defines")
      }
    }
  }

  /// Adds the templates of one YAML document; `file` names it in locations and issues.
  public mutating func add(yaml: String, file: String) {
    files.append(file)
    let reader = TemplateFileReader(file: file)
    let (read, problems) = reader.read(yaml)
    issues += problems
    for template in read {
      if let first = locationsByID[template.id] {
        report(
          file, template.location?.line ?? 1, "duplicate id '\(template.id)' (first defined at \(first))")
        continue
      }
      locationsByID[template.id] = template.location
      templates.append(template)
    }
  }

  /// The template with `id`, if loaded.
  public func template(id: String) -> ReplyTemplate? {
    templates.first { $0.id == id }
  }

  /// The distinct topics in load order.
  public var topics: [String] {
    var seen = Set<String>()
    return templates.map(\.topic).filter { seen.insert($0).inserted }
  }

  private mutating func report(_ file: String, _ line: Int, _ message: String) {
    issues.append(TemplateIssue(location: SourceLocation(file: file, line: line), message: message))
  }
}
