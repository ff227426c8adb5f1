import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskConsole

/// The options every console-opening command shares; `assembly` turns them into the console.
struct ConsoleLaunchOptions: ParsableArguments {
  @Option(help: "Theme name from Themes/ (dark, light, high-contrast, monochrome); default from config.")
  var theme: String?

  @Option(help: "Colour use: auto, color or monochrome (NO_COLOR also turns colour off).")
  var color: ColorMode = .auto

  @Option(help: "Representative name recorded with each session; default from config or $USER.")
  var rep: String?

  @Option(
    help: ArgumentHelp(
      "Session store: a file, sqlite:PATH or postgres://user@host:port/db (default: store: in "
        + "config.yaml, else $REPLYDESK_HOME/sessions.sqlite)."))
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

  /// The console these options ask for, assembled by ReplyDeskApp.
  var assembly: ConsoleAssembly {
    var assembly = ConsoleAssembly()
    assembly.theme = theme
    assembly.color = color
    assembly.rep = rep
    assembly.store = store
    assembly.templates = templates
    assembly.ranker = ranker
    assembly.model = model
    assembly.generator = generator
    assembly.generatorModel = generatorModel
    assembly.waitAlert = waitAlert
    assembly.autopilot = autopilot
    assembly.calibration = calibration
    return assembly
  }
}
