/// How alike two template texts are, by the words they use: the Jaccard index of their sets of
/// lowercased words, a slot such as `{order.id}` counting as one word. Used to warn before saving
/// a reply that nearly repeats a template the library already has.
public enum TemplateSimilarity {
  /// From this similarity on, a new template counts as nearly the same as an existing one.
  public static let nearDuplicateThreshold = 0.7

  /// The words of a template text: slots whole (format dropped), other words lowercased.
  public static func words(_ text: String) -> Set<String> {
    var words: Set<String> = []
    var current = ""
    var inSlot = false
    func flush() {
      if !current.isEmpty { words.insert(current) }
      current = ""
    }
    for character in text {
      switch character {
      case "{" where !inSlot:
        flush()
        inSlot = true
        current = "{"
      case "}" where inSlot:
        words.insert((current.split(separator: "|").first.map(String.init) ?? current) + "}")
        current = ""
        inSlot = false
      case _ where inSlot: current.append(character)
      case _ where character.isLetter || character.isNumber: current += character.lowercased()
      default: flush()
      }
    }
    flush()
    return words
  }

  /// The Jaccard index of the two texts' words, 0...1 (1 for two texts without words).
  public static func similarity(_ first: Set<String>, _ second: Set<String>) -> Double {
    let union = first.union(second).count
    return union == 0 ? 1 : Double(first.intersection(second).count) / Double(union)
  }

  /// The template of `templates` most like `text` when it reaches `threshold`, with its similarity.
  public static func nearestDuplicate(
    of text: String, in templates: [ReplyTemplate], threshold: Double = nearDuplicateThreshold
  ) -> (template: ReplyTemplate, similarity: Double)? {
    let wanted = words(text)
    var best: (template: ReplyTemplate, similarity: Double)?
    for template in templates {
      let score = similarity(wanted, words(template.text))
      if score >= threshold, score > (best?.similarity ?? -1) { best = (template, score) }
    }
    return best
  }
}
