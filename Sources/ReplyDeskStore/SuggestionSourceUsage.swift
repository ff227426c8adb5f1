import Foundation
import ReplyDeskCore

/// Where a suggestion came from, without the template id or the model name.
public enum SuggestionOrigin: String, Codable, Sendable, CaseIterable {
  /// Built from a hand-authored template.
  case template
  /// Written by the neural generator.
  case generated

  init(_ source: SuggestionSource) {
    switch source {
    case .template: self = .template
    case .generated: self = .generated
    }
  }
}

/// How suggestions of one origin were used over a group of sessions. A rate is nil when no
/// suggestion list offered that origin.
public struct SourceUsage: Codable, Sendable, Equatable {
  /// Suggestion lists (one per customer message) that offered at least one suggestion of this origin.
  public var shownLists = 0
  /// Suggestions of this origin shown, over every list.
  public var shownSuggestions = 0
  /// Replies that sent one of these suggestions unedited, by the representative or by autopilot.
  public var accepted = 0
  /// The part of `accepted` that autopilot sent.
  public var autoSent = 0
  /// Replies that sent an edited suggestion of this origin.
  public var edited = 0
  /// `accepted` divided by `shownLists`.
  public var acceptanceRate: Double?
  /// `edited` divided by `shownLists`.
  public var editRate: Double?

  public init() {}

  /// The sum of `usages`, with the rates worked out from the summed counts.
  init(summing usages: [SourceUsage]) {
    shownLists = usages.reduce(0) { $0 + $1.shownLists }
    shownSuggestions = usages.reduce(0) { $0 + $1.shownSuggestions }
    accepted = usages.reduce(0) { $0 + $1.accepted }
    autoSent = usages.reduce(0) { $0 + $1.autoSent }
    edited = usages.reduce(0) { $0 + $1.edited }
    acceptanceRate = shownLists == 0 ? nil : Double(accepted) / Double(shownLists)
    editRate = shownLists == 0 ? nil : Double(edited) / Double(shownLists)
  }
}

/// Suggestion use split by origin: templates beside generated replies.
public struct SourceSplit: Codable, Sendable, Equatable {
  public var template = SourceUsage()
  public var generated = SourceUsage()

  public init() {}

  public subscript(origin: SuggestionOrigin) -> SourceUsage {
    get { origin == .template ? template : generated }
    set {
      if origin == .template { template = newValue } else { generated = newValue }
    }
  }

  /// The sum of `splits`, origin by origin.
  init(summing splits: [SourceSplit]) {
    template = SourceUsage(summing: splits.map(\.template))
    generated = SourceUsage(summing: splits.map(\.generated))
  }
}

/// The id every generated suggestion has (a template could in principle share it).
let generatedSuggestionID = SuggestionSource.generated(model: "").description

/// One entry of a recorded suggestion list, as the stats query reads it out of the payload.
struct ShownEntry: Equatable {
  var rank: Int
  var origin: SuggestionOrigin
  var suggestionID: String

  /// Separates the fields of one entry in the query's compact form.
  static let fieldSeparator: Character = "\u{1F}"
  /// Separates entries in the query's compact form.
  static let entrySeparator: Character = "\u{1E}"

  /// The entries of a compact list `rank␟t|g␟id␞…` built by the stats query; malformed entries
  /// (from a damaged payload) are skipped.
  static func parse(_ compact: String) -> [ShownEntry] {
    compact.split(separator: entrySeparator).compactMap { entry in
      let fields = entry.split(separator: fieldSeparator, maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3, let rank = Int(fields[0]) else { return nil }
      let origin: SuggestionOrigin = fields[1] == "g" ? .generated : .template
      return ShownEntry(rank: rank, origin: origin, suggestionID: String(fields[2]))
    }
  }
}

/// What the statistics remember of a session's last suggestion list, to tell the origin of the
/// suggestion a decision sent. Lists of templates only are just counted (the common case, and
/// cheap to read); lists with a generated suggestion are read entry by entry.
enum LastShownList: Equatable {
  case none
  case templatesOnly
  case mixed([ShownEntry])

  /// The origin of a sent suggestion whose id is, or is not, the generated suggestions' id: a
  /// template unless it is; then the list's entry with that rank and id says (a template may have
  /// that id too); generated when the list has no such entry.
  func origin(generatedID: Bool, rank: Int?) -> SuggestionOrigin {
    guard generatedID else { return .template }
    switch self {
    case .templatesOnly:
      return .template
    case .mixed(let entries):
      return entries.first { $0.rank == rank && $0.suggestionID == generatedSuggestionID }?.origin
        ?? .generated
    case .none:
      return .generated
    }
  }
}
