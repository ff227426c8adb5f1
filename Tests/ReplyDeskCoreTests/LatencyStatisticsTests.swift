import ReplyDeskCore
import Testing

@Suite struct LatencyStatisticsTests {
  @Test func percentilesAreNearestRankWhateverTheOrder() {
    let samples = (1...200).map(Double.init).shuffled()
    let figures = LatencyStatistics(samples)
    #expect(figures.median == 100)
    #expect(figures.p99 == 198)
    #expect(figures.minimum == 1)
    #expect(figures.maximum == 200)
    #expect(figures.count == 200)
  }

  @Test func aFewSamplesTakeTheirLargestForTheP99AndNoneGiveZero() {
    #expect(LatencyStatistics([3, 1, 2]).p99 == 3)
    #expect(LatencyStatistics([3, 1, 2]).median == 2)
    #expect(LatencyStatistics([5]).median == 5)
    #expect(LatencyStatistics([]).p99 == 0)
    #expect(LatencyStatistics([1.5, 2.25]).description == "median 1.500 ms, p99 2.250 ms")
  }
}
