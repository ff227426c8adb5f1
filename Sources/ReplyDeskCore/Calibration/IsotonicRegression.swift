/// A non-decreasing step function fitted by pool-adjacent-violators: the least-squares monotone fit
/// of 0/1 outcomes against one score. Each pooled block is flat over the scores it covers; between
/// blocks the value is interpolated linearly; outside them it is the nearest block's value. Blocks lighter than `minimumWeight` are merged into a
/// neighbour, which keeps the fit monotone and stops a handful of points from making a step.
public struct IsotonicRegression: Sendable, Equatable, Codable {
  /// Knot positions, strictly increasing: each block's lowest and highest score.
  public private(set) var xs: [Double]
  /// Fitted values at the knots, non-decreasing, in 0...1.
  public private(set) var ys: [Double]

  /// Fits `points` (score, outcome); an empty input gives the constant 0.5.
  public init(points: [(x: Double, y: Double)], minimumWeight: Double = 1) {
    var blocks: [(x: Double, sum: Double, weight: Double)] = []
    for point in points.sorted(by: { $0.x < $1.x }) {
      if let last = blocks.last, last.x == point.x {
        blocks[blocks.count - 1] = (last.x, last.sum + point.y, last.weight + 1)
      } else {
        blocks.append((point.x, point.y, 1))
      }
    }
    var pooled: [(xLow: Double, xHigh: Double, sum: Double, weight: Double)] = []
    for block in blocks {
      pooled.append((block.x, block.x, block.sum, block.weight))
      while pooled.count > 1,
        pooled[pooled.count - 2].sum / pooled[pooled.count - 2].weight
          > pooled[pooled.count - 1].sum / pooled[pooled.count - 1].weight
      {
        let right = pooled.removeLast()
        let left = pooled.removeLast()
        pooled.append((left.xLow, right.xHigh, left.sum + right.sum, left.weight + right.weight))
      }
    }
    var index = 0
    while pooled.count > 1 && index < pooled.count {
      guard pooled[index].weight < minimumWeight else {
        index += 1
        continue
      }
      let neighbour = index + 1 < pooled.count ? index + 1 : index - 1
      let (left, right) = (min(index, neighbour), max(index, neighbour))
      let merged = (
        pooled[left].xLow, pooled[right].xHigh, pooled[left].sum + pooled[right].sum,
        pooled[left].weight + pooled[right].weight
      )
      pooled.replaceSubrange(left...right, with: [merged])
      index = left
    }
    guard !pooled.isEmpty else {
      (xs, ys) = ([0], [0.5])
      return
    }
    (xs, ys) = ([], [])
    for block in pooled {
      for x in block.xLow == block.xHigh ? [block.xLow] : [block.xLow, block.xHigh] {
        xs.append(x)
        ys.append(block.sum / block.weight)
      }
    }
  }

  /// The fitted value at `x`.
  public func value(at x: Double) -> Double {
    guard let first = xs.first, let last = xs.last else { return 0.5 }
    if x <= first { return ys[0] }
    if x >= last { return ys[ys.count - 1] }
    var low = 0
    var high = xs.count - 1
    while high - low > 1 {
      let middle = (low + high) / 2
      if xs[middle] <= x { low = middle } else { high = middle }
    }
    let fraction = (x - xs[low]) / (xs[high] - xs[low])
    return ys[low] + fraction * (ys[high] - ys[low])
  }
}
