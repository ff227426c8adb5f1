import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskSimulation

@Test func dumpTranscripts() {
  let generator = TranscriptGenerator(templates: ShippedTemplates.all, seed: 1)
  for transcript in generator.generate(count: 10, start: fixedNow) {
    print("=== \(transcript.scenario) \(transcript.persona) \(transcript.outcome) \(transcript.profile.focusOrder!.status) refund=\(String(describing: transcript.profile.focusOrder!.refund?.status))")
    for turn in transcript.turns {
      print("  \(turn.speaker == .customer ? "C" : "A"): \(turn.text)  \(transcript.templateIDs[turn.id] ?? "")")
    }
  }
}
