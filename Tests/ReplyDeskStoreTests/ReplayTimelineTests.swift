import Foundation
import ReplyDeskCore
import Testing

@Suite("Replay timeline and playback")
struct ReplayTimelineTests {
  /// started 0, customer 5, typing 6, shown 7, accepted 9, edited 12, written 15, escalated 20,
  /// system note 21, QA notes 22 and 23, ended 30 (seconds after the start).
  private let events = Fixture.everyKind()

  @Test func turnStepsFoldTypingAndSuggestionsIntoDecisions() throws {
    let timeline = ReplayTimeline(events: events)
    #expect(timeline.steps.count == 10)
    #expect(timeline.steps.map(\.gapBefore) == [0, 5, 4, 3, 3, 5, 1, 1, 1, 7])
    let accepted = try #require(timeline.steps[2].agentTurn)
    #expect(accepted.shown == Fixture.shown(["Your refund was issued.", "Sorry!"]))
    #expect(accepted.ranker == "lexical")
    #expect(accepted.chosenRank == 1)
    #expect(accepted.chosen?.text == "Your refund was issued.")
    #expect(accepted.edit == nil)
    #expect(accepted.responseSeconds == 1)
    let edited = try #require(timeline.steps[3].agentTurn)
    #expect(
      edited.shown == accepted.shown, "no new list was recorded, so the edit was chosen from the same one")
    #expect(edited.chosen?.text == "Sorry!")
    #expect(edited.chosenRank == 2)
    #expect(edited.edit == WordDiff(from: "Sorry!", to: "Sorry for the wait!"))
    #expect(timeline.steps[5].agentTurn?.isEscalation == true)
  }

  @Test func anEventStampedBeforeTheFirstNeverGivesANegativeElapsedTime() {
    var skewed = events
    skewed[1].time = skewed[0].time.addingTimeInterval(-4)
    var timeline = ReplayTimeline(events: skewed)
    timeline.stepForward()
    #expect(timeline.elapsed == 0)
  }

  @Test func eventStepsKeepEveryEvent() {
    let timeline = ReplayTimeline(events: events, granularity: .event)
    #expect(timeline.steps.map(\.event) == events)
    #expect(timeline.steps[4].agentTurn?.chosenRank == 1)
  }

  @Test func steppingAndJumpingStayInBounds() {
    var timeline = ReplayTimeline(events: events)
    #expect(timeline.stepBack() == false)
    let stepped = timeline.stepForward()
    #expect(stepped && timeline.position == 1)
    let toEdit = timeline.jumpToNextEdit()
    #expect(toEdit && timeline.position == 3)
    let noMoreEdits = timeline.jumpToNextEdit()
    #expect(!noMoreEdits && timeline.position == 3)
    let toEscalation = timeline.jumpToNextEscalation()
    #expect(toEscalation && timeline.position == 5)
    #expect(timeline.jumpToNextEscalation() == false)
    #expect(timeline.elapsed == 20)
    timeline.jump(to: 99)
    #expect(timeline.isAtEnd && timeline.position == 9)
    #expect(timeline.stepForward() == false)
    let back = timeline.stepBack()
    #expect(back && timeline.position == 8)
    timeline.jump(to: -3)
    #expect(timeline.isAtStart)
  }

  @Test func emptyTimelineHasNoCurrentStep() {
    var timeline = ReplayTimeline(events: [])
    #expect(timeline.current == nil && timeline.isAtEnd)
    #expect(timeline.stepForward() == false)
    var playback = ReplayPlayback(timeline: timeline)
    playback.play()
    #expect(!playback.isPlaying)
    #expect(playback.advance(byWallTime: 10) == 0)
    timeline.jump(to: 3)
    #expect(timeline.position == 0)
  }

  @Test func playbackFollowsRealGapsAtTheChosenSpeed() {
    var playback = ReplayPlayback(timeline: ReplayTimeline(events: events))
    #expect(playback.advance(byWallTime: 100) == 0, "paused")
    playback.play()
    #expect(playback.wallTimeUntilNextStep == 5)
    #expect(playback.advance(byWallTime: 4.9) == 0)
    #expect(playback.advance(byWallTime: 0.1) == 1)
    #expect(playback.timeline.position == 1)
    playback.setSpeed(4)
    #expect(playback.wallTimeUntilNextStep == 1)
    #expect(playback.advance(byWallTime: 2.25) == 2)
    #expect(playback.timeline.position == 3)
    #expect(playback.waited == 2)
    playback.navigate { $0.jumpToNextEscalation() }
    #expect(playback.timeline.position == 5 && playback.waited == 0)
    #expect(playback.advance(byWallTime: 60) == 4)
    #expect(playback.timeline.isAtEnd && !playback.isPlaying && playback.wallTimeUntilNextStep == nil)
  }

  @Test func speedIsClampedToOneToSixteen() {
    var playback = ReplayPlayback(timeline: ReplayTimeline(events: events))
    playback.setSpeed(100)
    #expect(playback.speed == 16)
    playback.faster()
    #expect(playback.speed == 16)
    playback.setSpeed(5)
    #expect(playback.speed == 4)
    playback.slower()
    playback.slower()
    playback.slower()
    #expect(playback.speed == 1)
    playback.setSpeed(0)
    #expect(playback.speed == 1)
  }
}
