import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation
import ReplyDeskStore

/// Assembles the product's console from plain settings (what `console`, `demo`, `practice` and
/// `replay` parse from their arguments): theme, store, templates, ranker, generator and autopilot.
/// Commands build one and call `runConsole`; nothing here reads arguments.
public struct ConsoleAssembly {
  /// Theme name from Themes/; nil takes config.yaml's.
  public var theme: String?
  public var color: ColorMode = .auto
  /// The representative recorded with each session; nil takes config.yaml's or $USER.
  public var rep: String?
  /// The session store: a file, `sqlite:PATH` or `postgres://user@host:port/db`; nil is `store:` in
  /// config.yaml, else `$REPLYDESK_HOME/sessions.sqlite`.
  public var store: String?
  /// A template directory used instead of the shipped and saved ones; saved templates go there too.
  public var templates: String?
  public var ranker: RankerChoice = .auto
  /// The neural model file; nil is the default model (trained on first run).
  public var model: String?
  public var generator: GeneratorChoice = .on
  /// The generator model file; nil is the default generator (trained in the background on first run).
  public var generatorModel: String?
  public var waitAlert: Double = ConsoleOptions.defaultWaitAlertSeconds
  /// Send the top suggestion when its calibrated confidence is at least this (0-1).
  public var autopilot: Double?
  /// A confidence calibration JSON file; nil fits one once and keeps it in the home directory.
  public var calibration: String?

  public init() {}

  public var home: ReplyDeskHome { ReplyDeskHome() }

  /// `config.yaml` in the home directory; flags win over it.
  public func configuration() throws -> AppConfiguration {
    do {
      return try AppConfiguration.load(from: home.directory.appendingPathComponent("config.yaml").path)
    } catch {
      throw CommandFailure(error)
    }
  }

  public func consoleOptions(channelName: String) throws -> ConsoleOptions {
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
  public var savedTemplatesDirectory: URL {
    templates.map { URL(fileURLWithPath: $0) } ?? home.directory.appendingPathComponent("templates")
  }

  /// The templates (with `--templates`, that directory; else the shipped ones plus the user's saved
  /// ones), with every file problem reported on standard error; broken files are skipped.
  public func templateLibrary() throws -> TemplateLibrary {
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
  /// channel is made last, once the ranker is ready (a first run trains it), so no customer waits;
  /// it gets the neural model's reader, so simulated customers read replies by meaning.
  /// With `hideSuggestions` the ranker still runs but its suggestions are not shown (practice); with
  /// `takeFirstCustomer` the first customer's chat opens without a key (the demo).
  /// The console ranks and generates on `BLASThreads.interactive` threads (a first-run training of
  /// the default model on `BLASThreads.training`).
  @discardableResult
  public func runConsole(
    channelName: String, hideSuggestions: Bool = false, takeFirstCustomer: Bool = false,
    channel makeChannel: (ReplyInterpreter?) throws -> any CustomerChannel
  ) throws -> any SessionStoring {
    BLASThreads.use(BLASThreads.interactive)
    var options = try consoleOptions(channelName: channelName)
    options.hideSuggestions = hideSuggestions
    options.takeFirstCustomer = takeFirstCustomer
    let templates = try templateLibrary()
    options.templates = templates.templates
    let (store, storeWarning) = try sessionStore()
    let warnings = [templates.loadWarning, storeWarning].compactMap { $0 }
    options.startupWarning = warnings.isEmpty ? nil : warnings.joined(separator: " · ")
    let ranking = try ranking(templates: templates)
    options.model = ranking.model
    let saver = TemplateSaver(
      directory: savedTemplatesDirectory, templates: templates.templates, makeRanker: ranking.rebuild)
    let runner = ConsoleRunner(
      channel: try makeChannel(
        ranking.reader.map { ReplyInterpreter(reader: $0, templates: templates.templates) }),
      ranker: ranking.ranker, recorder: store, options: options,
      generator: try generatorSlot(templates: templates.templates), templateSaver: saver,
      spill: UnsavedEventsFile.forStore(at: StoreOpener(override: self.store).spillBase(for: store)))
    do {
      try runner.run()
    } catch {
      throw CommandFailure(error)
    }
    if let outbox = store as? OutboxSessionStore, !outbox.waitUntilDrained(timeout: 5) {
      let status = outbox.outboxStatus
      FileHandle.standardError.write(
        Data(
          ("warning: \(status.queued) events are still queued in \(status.path) (\(status.reason ?? "saving")); "
            + "the next console started against \(outbox.location) saves them.\n").utf8))
    }
    return store
  }

  /// The session store, created on first use; a foreign or corrupt file is refused, never replaced.
  /// A PostgreSQL store is put behind this process's outbox (a server that is away when the
  /// console starts is connected to later). Events a console kept in a spill file
  /// while the store refused them are stored first, and those dead consoles left in their outboxes
  /// (waiting up to 5 s); then sessions left open by a console that died are closed as interrupted. If either write fails the
  /// console still opens, the returned warning says why, and the next console to start tries again.
  public func sessionStore() throws -> (store: any SessionStoring, warning: String?) {
    let opener = StoreOpener(override: store)
    let sessions: any SessionStoring
    do {
      sessions = try opener.queueing(try opener.open(.readWrite, connectingLater: true))
    } catch {
      throw CommandFailure(error)
    }
    var problems: [String] = []
    do {
      _ = try sessions.recoverUnsavedEvents(
        from: UnsavedEventsFile.leftovers(forStore: opener.spillBase(for: sessions)))
    } catch {
      problems.append(
        "events kept from an earlier console are not stored yet (\(ErrorText.sentence(for: error)))")
    }
    if let outbox = sessions as? OutboxSessionStore, !outbox.waitUntilDrained(timeout: 5) {
      // Chats whose events are still queued must not be closed as interrupted before they land.
      problems.append(
        "events an earlier console queued are not saved yet (\(outbox.outboxStatus.reason ?? "still saving"))"
      )
    } else {
      do {
        _ = try sessions.closeInterruptedSessions(at: Date())
      } catch {
        problems.append(
          "chats left open by a console that stopped are not closed yet (\(ErrorText.sentence(for: error)))")
      }
    }
    let warning = problems.isEmpty ? nil : problems.joined(separator: "; ") + "; the next start tries again"
    return (sessions, warning)
  }
}
