import Foundation

/// Which model file the neural ranker ranks with: its name ("neural v4") and when it was written
/// (the file's modification time: model files are written whole and renamed into place, so that is
/// when training finished).
public struct ModelIdentity: Equatable, Sendable {
  public var name: String
  public var date: Date

  public init(name: String, date: Date) {
    self.name = name
    self.date = date
  }

  /// "neural v4 · 2026-12-01 14:05", the date in `zone`.
  func label(in zone: TimeZone) -> String {
    "\(DisplayText.singleLine(name)) · \(Formatting.dateTime(date, in: zone))"
  }
}

/// What came of reading a newly written model file.
enum ModelReload: Equatable, Sendable {
  /// The new model ranks every request from now on.
  case reloaded(ModelIdentity)
  /// The file at `path` cannot be used (`reason` says why); the model in use stays.
  case refused(path: String, reason: String)
}
