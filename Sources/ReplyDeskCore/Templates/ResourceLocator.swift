import Foundation

/// Finds the project's resource directories (such as `Templates/`) from wherever `replydesk` runs.
public enum ResourceLocator {
  /// The environment variable that overrides the templates directory.
  public static let templatesEnvironmentKey = "REPLYDESK_TEMPLATES"

  /// The templates directory: `$REPLYDESK_TEMPLATES`, else `Templates/` in the current directory,
  /// else `Templates/` next to the package the executable was built in (walking up from the binary).
  public static func templatesDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    executable: URL? = Bundle.main.executableURL
  ) -> URL? {
    directory(
      named: "Templates", environmentKey: templatesEnvironmentKey, environment: environment,
      currentDirectory: currentDirectory, executable: executable)
  }

  /// A directory called `name`: the path in `environment[environmentKey]` if set, else `name` in
  /// `currentDirectory`, else `name` in the nearest ancestor of `executable` that has a `Package.swift`.
  /// The environment, current directory and executable default to this process's.
  public static func directory(
    named name: String, environmentKey: String,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    executable: URL? = Bundle.main.executableURL
  ) -> URL? {
    if let override = environment[environmentKey], !override.isEmpty {
      return URL(fileURLWithPath: override, relativeTo: currentDirectory).standardizedFileURL
    }
    let local = currentDirectory.appendingPathComponent(name)
    if isDirectory(local) { return local }
    guard var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() else { return nil }
    while folder.path != "/" && !folder.path.isEmpty {
      let candidate = folder.appendingPathComponent(name)
      if isDirectory(candidate) && exists(folder.appendingPathComponent("Package.swift")) {
        return candidate
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
  }

  private static func exists(_ url: URL) -> Bool {
    FileManager.default.fileExists(atPath: url.path)
  }
}
