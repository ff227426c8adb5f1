import ReplyDeskCore

/// A command that was called correctly but could not do its work (a missing file, a refused
/// store, a corrupt model). ArgumentParser prints it as `Error: …` without the usage text and
/// exits with status 1; `ValidationError` stays for wrong arguments (usage, status 64).
struct CommandFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) { self.description = description }
}

extension CommandFailure {
  /// A failure whose cause is `error`, as a sentence after `context` ("cannot read the model").
  init(_ context: String, _ error: any Error) {
    self.init("\(context): \(ErrorText.sentence(for: error))")
  }

  /// A failure that is just `error`, as a sentence.
  init(_ error: any Error) {
    self.init(ErrorText.sentence(for: error))
  }
}
