import ReplyDeskCore

/// A command that was called correctly but could not do its work (a missing file, a refused
/// store, a corrupt model). The executable's ArgumentParser prints it as `Error: …` without the usage text and
/// exits with status 1; `ValidationError` stays for wrong arguments (usage, status 64).
public struct CommandFailure: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }
}

extension CommandFailure {
  /// A failure whose cause is `error`, as a sentence after `context` ("cannot read the model").
  public init(_ context: String, _ error: any Error) {
    self.init("\(context): \(ErrorText.sentence(for: error))")
  }

  /// A failure that is just `error`, as a sentence.
  public init(_ error: any Error) {
    self.init(ErrorText.sentence(for: error))
  }
}
