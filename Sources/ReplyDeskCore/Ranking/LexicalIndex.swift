import Foundation

/// A BM25 inverted index over templates, built once: each template's document is its text (with
/// slot names as words), its intents as words and as `#intent` terms (the first one also as
/// `!intent`), and its topic.
struct LexicalIndex: Sendable {
  struct Posting: Sendable {
    var document: Int32
    var frequency: Float
  }

  let templates: [ReplyTemplate]
  let texts: [TemplateText]
  let termIDs: [String: Int]
  let postings: [[Posting]]
  let inverseFrequency: [Double]
  let lengthNorm: [Float]
  /// The stems of each template's literal text, to recognise a reply the representative already sent.
  let literalTerms: [Set<String>]
  /// The slots each template needs, as a bit set over `SlotCatalog.all`.
  let slotMasks: [UInt64]

  /// Marks a template's first (primary) intent in its terms.
  static let primaryMarker = "!"

  static let k1: Float = 1.2
  static let b: Float = 0.75

  /// Indexes the templates whose text parses; others are left out.
  init(templates: [ReplyTemplate]) {
    var kept: [ReplyTemplate] = []
    var texts: [TemplateText] = []
    var termIDs: [String: Int] = [:]
    var postings: [[Posting]] = []
    var lengths: [Float] = []
    var literalTerms: [Set<String>] = []
    for template in templates {
      guard let text = try? TemplateText(parsing: template.text) else { continue }
      let document = Int32(kept.count)
      kept.append(template)
      texts.append(text)
      literalTerms.append(
        Set(
          text.parts.flatMap { part -> [String] in
            guard case .literal(let literal) = part else { return [] }
            return TextAnalyzer.terms(literal)
          }))
      let terms = Self.documentTerms(template, text: text)
      lengths.append(Float(terms.count))
      var counts: [String: Float] = [:]
      for term in terms { counts[term, default: 0] += 1 }
      for (term, count) in counts.sorted(by: { $0.key < $1.key }) {
        let id = termIDs[term] ?? postings.count
        if id == postings.count {
          termIDs[term] = id
          postings.append([])
        }
        postings[id].append(Posting(document: document, frequency: count))
      }
    }
    let average = max(1, lengths.reduce(0, +) / Float(max(1, lengths.count)))
    let count = Double(kept.count)
    self.templates = kept
    self.texts = texts
    self.literalTerms = literalTerms
    self.slotMasks = texts.map { Self.slotMask(Set($0.slotNames)) }
    self.termIDs = termIDs
    self.postings = postings
    self.inverseFrequency = postings.map { list in
      let frequency = Double(list.count)
      return log(1 + (count - frequency + 0.5) / (frequency + 0.5))
    }
    self.lengthNorm = lengths.map { Self.k1 * (1 - Self.b + Self.b * $0 / average) }
  }

  /// `slots` as a bit set over the slot catalog.
  static func slotMask(_ slots: Set<String>) -> UInt64 {
    SlotCatalog.all.enumerated().reduce(0) { mask, slot in
      slots.contains(slot.element.name) ? mask | 1 << slot.offset : mask
    }
  }

  /// The BM25 term-frequency part for one posting.
  @inline(__always)
  func saturation(_ posting: Posting) -> Float {
    posting.frequency * (Self.k1 + 1) / (posting.frequency + lengthNorm[Int(posting.document)])
  }

  private static func documentTerms(_ template: ReplyTemplate, text: TemplateText) -> [String] {
    var terms: [String] = []
    for part in text.parts {
      switch part {
      case .literal(let literal): terms += TextAnalyzer.terms(literal)
      case .slot(let name, _): terms += TextAnalyzer.terms(words(name))
      }
    }
    let intentWords = template.intents.flatMap { TextAnalyzer.terms(words($0)) }
    let intentTerms =
      template.intents.map { "#" + $0 } + template.intents.prefix(1).map { primaryMarker + $0 }
    return terms + intentWords + intentTerms + TextAnalyzer.terms(words(template.topic))
  }

  private static func words(_ name: String) -> String {
    String(name.map { $0 == "." || $0 == "_" || $0 == "-" ? " " : $0 })
  }
}
