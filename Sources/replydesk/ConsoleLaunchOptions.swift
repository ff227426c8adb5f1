import ArgumentParser
import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskStore

/// The options every console-opening command shares, and how they become the console's parts.
struct ConsoleLaunchOptions: ParsableArguments {
  @Option(help: "Theme name from Themes/ (dark, light, high-contrast, monochrome); default from config.")
  var theme: String?

  @Option(help: "Colour use: auto, color or monochrome (NO_COLOR also turns colour off).")
  var color: ColorMode = .auto

  @Option(help: "Representative name recorded with each session; default from config or $USER.")
  var rep: String?

  @Option(help: "Session store file (default: $REPLYDESK_HOME/sessions.sqlite).")
  var store: String?

  @Option(help: "Template directory (default: $REPLYDESK_TEMPLATES, ./Templates, or the package's).")
  var templates: String?

  var home: ReplyDeskHome { ReplyDeskHome() }

  /// `config.yaml` in the home directory; flags win over it.
  func configuration() throws -> AppConfiguration {
    do {
      return try AppConfiguration.load(from: home.directory.appendingPathComponent("config.yaml").path)
    } catch {
      throw ValidationError("\(error)")
    }
  }

  func consoleOptions(channelName: String) throws -> ConsoleOptions {
    let configuration = try configuration()
    let themeName = theme ?? configuration.theme
    var searchPaths = Theme.defaultSearchPaths
    if let packaged = ResourceLocator.directory(
      named: "Themes", environmentKey: "REPLYDESK_THEMES", environment: [:],
      currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
      executable: Bundle.main.executableURL)
    {
      searchPaths.append(packaged.path)
    }
    let loadedTheme: Theme
    do {
      loadedTheme = try Theme.load(named: themeName, searchPaths: searchPaths)
    } catch {
      throw ValidationError("\(error)")
    }
    return ConsoleOptions(
      representativeName: rep ?? configuration.representative, theme: loadedTheme, colorMode: color,
      channelName: channelName)
  }

  /// The templates, with every file problem reported on standard error; broken files are skipped.
  func templateLibrary() throws -> TemplateLibrary {
    let directory: URL
    if let templates {
      directory = URL(fileURLWithPath: templates)
    } else if let found = ResourceLocator.templatesDirectory() {
      directory = found
    } else {
      throw ValidationError("No Templates directory found; pass --templates or set REPLYDESK_TEMPLATES.")
    }
    do {
      let library = try TemplateLibrary.load(directory: directory)
      for issue in library.issues {
        FileHandle.standardError.write(Data("warning: \(issue)\n".utf8))
      }
      return library
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// The ranker the console uses: the lexical ranker over the loaded templates.
  func ranker(templates: TemplateLibrary) -> any SuggestionRanker {
    LexicalRanker(templates: templates.templates)
  }

  /// The session store, created on first use; a foreign or corrupt file is refused, never replaced.
  func sessionStore() throws -> SessionStore {
    let path = home.sessionStorePath(override: store)
    do {
      if store == nil { try home.createDirectoryIfNeeded() }
      return try SessionStore(path: path)
    } catch {
      throw ValidationError("\(error)")
    }
  }
}

extension ColorMode: ExpressibleByArgument {}
