/// The positions of the largest values, best first, without sorting them all: the first `count`
/// positions of `values.indices` sorted by value (descending), ties by position (ascending).
/// A bounded heap keeps the best `count` seen so far, so picking 256 of 10,000 scores costs about
/// one comparison per value instead of a full sort's fourteen.
public enum TopIndices {
  /// The best `count` positions for which `include` holds, best first.
  @inlinable
  public static func largest<Value: Comparable>(
    _ values: [Value], count: Int, where include: (Int) -> Bool = { _ in true }
  ) -> [Int] {
    guard count > 0 else { return [] }
    // True when position a ranks before position b.
    func before(_ a: Int, _ b: Int) -> Bool { values[a] != values[b] ? values[a] > values[b] : a < b }
    var heap: [Int] = []  // [count] positions, the worst kept one at the root
    heap.reserveCapacity(count)
    for position in values.indices where include(position) {
      if heap.count < count {
        heap.append(position)
        siftUp(&heap, from: heap.count - 1, before: before)
      } else if before(position, heap[0]) {
        heap[0] = position
        siftDown(&heap, from: 0, before: before)
      }
    }
    return heap.sorted(by: before)
  }

  /// Moves the entry at `start` towards the root while it ranks after its parent.
  @inlinable
  static func siftUp(_ heap: inout [Int], from start: Int, before: (Int, Int) -> Bool) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard before(heap[parent], heap[child]) else { return }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  /// Moves the entry at `start` away from the root while a child ranks after it.
  @inlinable
  static func siftDown(_ heap: inout [Int], from start: Int, before: (Int, Int) -> Bool) {
    var parent = start
    while true {
      var worst = parent
      let left = 2 * parent + 1
      if left < heap.count && before(heap[worst], heap[left]) { worst = left }
      if left + 1 < heap.count && before(heap[worst], heap[left + 1]) { worst = left + 1 }
      guard worst != parent else { return }
      heap.swapAt(parent, worst)
      parent = worst
    }
  }
}
