/// A command that was called correctly but could not do its work (a missing file, a refused
/// store, a corrupt model). ArgumentParser prints it as `Error: …` without the usage text and
/// exits with status 1; `ValidationError` stays for wrong arguments (usage, status 64).
struct CommandFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) { self.description = description }
}
