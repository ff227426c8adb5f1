/// What a cell shows, which a theme turns into colours and attributes.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
  case normal
  case title
  case border
  case dim
  case status
  case customer
  case agent
  case system
  case slot
  case missing
  case warning
  case selection
  case score
  case attended
  case composer
  case help
  /// Words a representative removed from a suggestion (replay word diff).
  case deleted
  /// Words a representative added to a suggestion (replay word diff).
  case inserted

  /// The colour pair number the driver uses for this role (pair 0 is the terminal default).
  var pairNumber: Int16 { Int16(Self.allCases.firstIndex(of: self)! + 1) }
}
