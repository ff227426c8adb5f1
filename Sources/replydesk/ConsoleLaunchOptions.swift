import ArgumentParser
import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskSimulation
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

  @Option(
    help: ArgumentHelp(
      "Template directory (default: $REPLYDESK_TEMPLATES, ./Templates, or the package's, plus "
        + "$REPLYDESK_HOME/templates); replies saved as templates go here (default: $REPLYDESK_HOME/templates)."
    ))
  var templates: String?

  @Option(help: "Suggestions from: auto (the neural model, trained on first run), neural or lexical.")
  var ranker: RankerChoice = .auto

  @Option(help: "Neural model file (default: the default model in $REPLYDESK_HOME/models).")
  var model: String?

  @Option(
    help: ArgumentHelp(
      "A generated reply below the ranked suggestions: on (the default generator, trained in the "
        + "background on first run) or off."))
  var generator: GeneratorChoice = .on

  @Option(help: "Generator model file (default: the default generator in $REPLYDESK_HOME/models).")
  var generatorModel: String?

  @Option(help: "Seconds a customer may wait for a reply before the console rings and highlights the chat.")
  var waitAlert: Double = ConsoleOptions.defaultWaitAlertSeconds

  @Option(help: "Autopilot: send the top suggestion when its calibrated confidence is at least this (0-1).")
  var autopilot: Double?

  @Option(help: "Confidence calibration JSON for autopilot (default: fitted once, kept in $REPLYDESK_HOME).")
  var calibration: String?

  func validate() throws {
    guard waitAlert > 0 else { throw ValidationError("--wait-alert must be above 0 seconds") }
    if let autopilot, !(0...1).contains(autopilot) {
      throw ValidationError("--autopilot takes a confidence from 0 to 1")
    }
  }

  var home: ReplyDeskHome { ReplyDeskHome() }

  /// `config.yaml` in the home directory; flags win over it.
  func configuration() throws -> AppConfiguration {
    do {
      return try AppConfiguration.load(from: home.directory.appendingPathComponent("config.yaml").path)
    } catch {
      throw CommandFailure(error)
    }
  }

  func consoleOptions(channelName: String) throws -> ConsoleOptions {
    let configuration = try configuration()
    let themeName = theme ?? configuration.theme
    var searchPaths = Theme.defaultSearchPaths
    if let packaged = ResourceLocator.directory(
      named: "Themes", environmentKey: "REPLYDESK_THEMES", environment: [:])
    {
      searchPaths.append(packaged.path)
    }
    let loadedTheme: Theme
    do {
      loadedTheme = try Theme.load(named: themeName, searchPaths: searchPaths)
    } catch {
      throw CommandFailure(error)
    }
    return ConsoleOptions(
      representativeName: rep ?? configuration.representative, theme: loadedTheme, colorMode: color,
      channelName: channelName, waitAlertSeconds: waitAlert, autopilotThreshold: autopilot)
  }

  /// Where replies saved as templates go: the `--templates` directory, else the user's own.
  var savedTemplatesDirectory: URL {
    templates.map { URL(fileURLWithPath: $0) } ?? home.directory.appendingPathComponent("templates")
  }

  /// The templates (with `--templates`, that directory; else the shipped ones plus the user's saved
  /// ones), with every file problem reported on standard error; broken files are skipped.
  func templateLibrary() throws -> TemplateLibrary {
    if let templates { return try loadTemplates(URL(fileURLWithPath: templates)) }
    guard let shipped = ResourceLocator.templatesDirectory() else {
      throw CommandFailure("No Templates directory found; pass --templates or set REPLYDESK_TEMPLATES.")
    }
    let library = try loadTemplates(shipped)
    guard FileManager.default.fileExists(atPath: savedTemplatesDirectory.path) else { return library }
    let ids = Set(library.templates.map(\.id))
    var saved: [ReplyTemplate] = []
    let savedLibrary = try loadTemplates(savedTemplatesDirectory)
    let savedIssues = savedLibrary.issues
    for template in savedLibrary.templates {
      guard !ids.contains(template.id) else {
        let location = template.location.map { "\($0): " } ?? ""
        FileHandle.standardError.write(
          Data("warning: \(location)duplicate id '\(template.id)' (also a shipped template); skipped\n".utf8))
        continue
      }
      saved.append(template)
    }
    return TemplateLibrary(templates: library.templates + saved, issues: library.issues + savedIssues)
  }

  private func loadTemplates(_ directory: URL) throws -> TemplateLibrary {
    do {
      let library = try TemplateLibrary.load(directory: directory)
      for issue in library.issues {
        FileHandle.standardError.write(Data("warning: \(issue)\n".utf8))
      }
      return library
    } catch {
      throw CommandFailure(error.description)
    }
  }

  /// Runs the console until the representative quits and returns the store it recorded to. The
  /// channel is made last, once the ranker is ready (a first run trains it), so no customer waits.
  /// With `hideSuggestions` the ranker still runs but its suggestions are not shown (practice).
  @discardableResult
  func runConsole(
    channelName: String, hideSuggestions: Bool = false,
    channel makeChannel: (ReplyInterpreter?) throws -> any CustomerChannel
  ) throws -> SessionStore {
    var options = try consoleOptions(channelName: channelName)
    options.hideSuggestions = hideSuggestions
    let templates = try templateLibrary()
    options.templates = templates.templates
    let (store, storeWarning) = try sessionStore()
    let warnings = [templates.loadWarning, storeWarning].compactMap { $0 }
    options.startupWarning = warnings.isEmpty ? nil : warnings.joined(separator: " · ")
    let ranking = try ranking(templates: templates)
    let saver = TemplateSaver(
      directory: savedTemplatesDirectory, templates: templates.templates, makeRanker: ranking.rebuild)
    let runner = ConsoleRunner(
      channel: try makeChannel(
        ranking.reader.map { ReplyInterpreter(reader: $0, templates: templates.templates) }),
      ranker: ranking.ranker, recorder: store, options: options,
      generator: try generatorSlot(templates: templates.templates), templateSaver: saver,
      spill: UnsavedEventsFile.forStore(at: store.path))
    do {
      try runner.run()
    } catch {
      throw CommandFailure(error)
    }
    return store
  }

  /// The session store, created on first use; a foreign or corrupt file is refused, never replaced.
  /// Events a console kept in a spill file while the store refused them are stored first; then
  /// sessions left open by a console that died are closed as interrupted. If either write fails the
  /// console still opens, the returned warning says why, and the next console to start tries again.
  func sessionStore() throws -> (store: SessionStore, warning: String?) {
    let path = home.sessionStorePath(override: store)
    let sessions: SessionStore
    do {
      if store == nil { try home.createDirectoryIfNeeded() }
      sessions = try SessionStore(path: path)
    } catch {
      throw CommandFailure(error)
    }
    var problems: [String] = []
    do {
      _ = try sessions.recoverUnsavedEvents(from: UnsavedEventsFile.leftovers(forStore: path))
    } catch {
      problems.append(
        "events kept from an earlier console are not stored yet (\(ErrorText.sentence(for: error)))")
    }
    do {
      _ = try sessions.closeInterruptedSessions()
    } catch {
      problems.append(
        "chats left open by a console that stopped are not closed yet (\(ErrorText.sentence(for: error)))")
    }
    let warning = problems.isEmpty ? nil : problems.joined(separator: "; ") + "; the next start tries again"
    return (sessions, warning)
  }
}

extension ColorMode: ExpressibleByArgument {}
