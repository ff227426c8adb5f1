/// The one seeded random number generator (SplitMix64): simulations, training batches and initial
/// weights repeat exactly for a seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  /// The stream of `seed` with its first `skip` numbers left out. The engine draws its weights,
  /// batches and paraphrases with `skip: 1`, as every model it has trained was drawn.
  public init(seed: UInt64, skip: Int) {
    self.init(seed: seed)
    for _ in 0..<skip { _ = next() }
  }

  /// A generator for item `index` of a run seeded with `seed`, independent of the other items.
  public init(seed: UInt64, index: Int) {
    var mixer = SeededGenerator(seed: seed &+ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
    state = mixer.next()
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// True with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < probability
  }

  /// A uniformly chosen element; `items` must not be empty.
  public mutating func pick<T>(_ items: [T]) -> T {
    items[Int.random(in: 0..<items.count, using: &self)]
  }

  /// An element chosen with the given relative weights.
  public mutating func pick<T>(weighted items: [(T, Double)]) -> T {
    let total = items.reduce(0) { $0 + $1.1 }
    var target = Double.random(in: 0..<total, using: &self)
    for (item, weight) in items {
      if target < weight { return item }
      target -= weight
    }
    return items[items.count - 1].0
  }

  /// A whole number in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }
}
