import Foundation

extension TmuxPane {
  /// Waits until `condition` holds and the suggestion list has settled (its title no longer says
  /// "just changed"), so that a digit or Enter sends instead of being refused.
  @discardableResult
  func waitForSettled(_ what: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool) throws
    -> String
  {
    try waitFor("\(what) (settled)", timeout: timeout) { condition($0) && !$0.contains("just changed") }
  }
}
