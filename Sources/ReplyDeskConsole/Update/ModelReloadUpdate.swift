import Foundation
import ReplyDeskCore

/// A newly written model file was read. A model that loaded ranks from now on: the status line
/// names it and every open chat's list is ranked again with it. A refused file leaves the model in
/// use, and the warning says which file, why, and what to do.
func handleModelReload(_ state: inout ConsoleState, _ reload: ModelReload) -> [ConsoleEffect] {
  switch reload {
  case .reloaded(let identity):
    state.modelIdentity = identity
    state.say(
      "Model reloaded: \(identity.label(in: state.timeZone)) ranks the suggestions from now on", seconds: 10)
    var effects: [ConsoleEffect] = []
    for id in state.chats.filter(\.isOpen).map(\.id) { effects += requestRanking(&state, for: id) }
    return effects
  case .refused(let path, let reason):
    state.say(
      "The new model at \(DisplayText.singleLine(path)) cannot be read (\(DisplayText.singleLine(reason))); "
        + "keeping the one in use. Write a complete model file there to try again",
      warning: true, seconds: 30)
    return []
  }
}
