import Foundation
import Testing

@testable import ReplyDeskEngine

/// A training budget in CPU time: sleeping (as a thread does while other processes hold the cores)
/// spends none of it; computing spends it.
struct BudgetClockTests {
  @Test func threadCPUTimeDoesNotRunWhileTheThreadWaits() {
    let clock = BudgetClock.trainingThreadCPU
    let cpuBefore = clock.now()
    let wallBefore = BudgetClock.wall.now()
    Thread.sleep(forTimeInterval: 0.3)
    #expect(clock.now() - cpuBefore < 0.1)
    #expect(BudgetClock.wall.now() - wallBefore >= 0.3)
    var sum = 0.0
    let busyStart = clock.now()
    while clock.now() - busyStart < 0.05 { sum += sin(sum + 1) }
    #expect(clock.now() - busyStart >= 0.05)
    #expect(sum.isFinite)
  }

  @Test func trainingStopsWhenItsCPUBudgetIsSpent() throws {
    let (data, model) = SyntheticCorpus.setUp()
    var options = TrainingOptions()
    options.epochs = 100_000
    options.batchSize = 16
    options.minutes = 0.3 / 60
    options.budgetClock = .trainingThreadCPU
    let started = BudgetClock.trainingThreadCPU.now()
    let (_, report) = try Trainer(options: options).train(data, model: model, dev: nil) { _ in }
    let spent = BudgetClock.trainingThreadCPU.now() - started
    #expect(report.steps > 0)
    #expect(spent >= 0.3)
    #expect(spent < 20)
  }

  @Test func aStepBudgetStopsAtThatStepAndGivesTheSameModelEveryRun() throws {
    let (data, model) = SyntheticCorpus.setUp()
    var options = TrainingOptions()
    options.epochs = 100
    options.batchSize = 16
    options.steps = 7
    let first = try Trainer(options: options).train(data, model: model, dev: nil) { _ in }
    let second = try Trainer(options: options).train(data, model: model, dev: nil) { _ in }
    #expect(first.1.steps == 7)
    #expect(first.0.parameters.map(\.data) == second.0.parameters.map(\.data))
    #expect(first.0.parameters.map(\.data) != model.parameters.map(\.data))
  }
}
