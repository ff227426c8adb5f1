import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The template finder and the save prompt as whole screens at 80x24 and 120x40, compared with
/// `Snapshots/<name>.txt` (re-record with REPLYDESK_RECORD_SNAPSHOTS=1).
@Suite struct TemplateOverlaySnapshotTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  private func check(
    _ state: ConsoleState, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    for size in Self.sizes {
      var sized = state
      sized.size = size
      let screen = render(sized, size: size).plainText
      try Snapshot.assert(
        screen, named: "\(name)-\(size.width)x\(size.height)", sourceLocation: sourceLocation)
    }
  }

  private static func busyWithLibrary() -> ConsoleState {
    var state = SampleState.busy(size: Size(width: 80, height: 24))
    state.templates = TemplateCatalog(templates: SampleState.baseTemplates)
    return state
  }

  @Test func finderWithATypoQuery() throws {
    var state = Self.busyWithLibrary()
    Fixture.press(&state, .character("/"))
    Fixture.type(&state, "ordr")
    Fixture.press(&state, .down)
    try check(state, "finder")
  }

  @Test func savePromptWithANearDuplicate() throws {
    var state = Self.busyWithLibrary()
    state.active?.savableReply = TemplateDraft(
      text: "I'm sorry order A1311 is late. It should now arrive on Nov 26.", profile: SampleState.profile(),
      time: SampleState.start, order: SampleState.profile().orders[1])
    Fixture.press(&state, .control("t"))
    Fixture.press(&state, .enter)
    try check(state, "save-template")
  }
}
