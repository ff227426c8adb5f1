import Foundation
import ReplyDeskCore
import ReplyDeskSimulation

/// Where simulated transcripts start and which numbers are held out for evaluation.
public enum SimulatedCorpus {
  public static let start = Date(timeIntervalSince1970: 1_780_000_000)
  /// Evaluation transcripts are numbered from here, training ones from 0.
  public static let heldOutOffset = 1_000_000

  /// Transcripts `first..<first + count` of the seed's series, seven minutes apart (the clock wraps every
  /// 1,000 chats, so held-out chats fall in the same weeks as the training ones).
  public static func transcripts(count: Int, from first: Int, seed: UInt64, templatesDirectory: String?)
    throws
    -> [SimulatedTranscript]
  {
    guard count > 0 else { return [] }
    let templates = try CommandResources.templates(directory: templatesDirectory)
    return transcripts(count: count, from: first, seed: seed, templates: templates)
  }

  /// Transcripts `first..<first + count` written with `templates`.
  public static func transcripts(count: Int, from first: Int, seed: UInt64, templates: [ReplyTemplate])
    -> [SimulatedTranscript]
  {
    let generator = TranscriptGenerator(templates: templates, seed: seed)
    return (first..<(first + max(0, count))).map {
      generator.transcript(number: $0, start: start.addingTimeInterval(Double($0 % 1000) * 420))
    }
  }
}
