import ReplyDeskCore

/// Makes a larger template set from real templates, for ranker benchmarks: the originals first,
/// then reworded copies (an opening and a closing courtesy added) with ids ending in `.vN`.
public enum TemplateVariants {
  private static let openers = [
    "", "Thanks for your patience. ", "Sure thing. ", "I've checked this for you. ", "Of course! ",
    "Good question. ", "Let me help with that. ",
  ]
  private static let closers = [
    "", " Let me know if anything is unclear.", " I hope that helps!", " Anything else on this?",
    " Thanks for shopping with us.", " I'm here if you need more help.",
  ]

  /// `count` templates: all originals (up to `count`) followed by variants of them.
  public static func generate(from templates: [ReplyTemplate], count: Int) -> [ReplyTemplate] {
    guard !templates.isEmpty else { return [] }
    return (0..<max(0, count)).map { number in
      let base = templates[number % templates.count]
      let round = number / templates.count
      guard round > 0 else { return base }
      let opener = openers[round % openers.count]
      let closer = closers[(round / openers.count + number) % closers.count]
      return ReplyTemplate(
        id: "\(base.id).v\(round)", topic: base.topic, text: opener + base.text + closer,
        intents: base.intents,
        location: base.location)
    }
  }
}
