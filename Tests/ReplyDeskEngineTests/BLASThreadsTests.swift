import Testing

@testable import ReplyDeskEngine

/// The process's OpenBLAS thread count: a count below 1 means one thread (OpenBLAS itself would read
/// it as its start-up default). The tests leave the process's count alone: other suites run at once.
struct BLASThreadsTests {
  @Test func countsBelowOneMeanOneThread() {
    #expect(BLASThreads.clamped(0) == 1)
    #expect(BLASThreads.clamped(-3) == 1)
  }

  @Test func countsOfOneOrMoreAreKept() {
    #expect(BLASThreads.clamped(BLASThreads.interactive) == 1)
    #expect(BLASThreads.clamped(BLASThreads.training) == 2)
    #expect(BLASThreads.clamped(8) == 8)
  }
}
