import Foundation

/// The learning-rate schedule both trainers follow: a linear warmup, then a cosine decay to a tenth of
/// the peak by the end of the run. How far the run is follows its steps alone when it is a run of a
/// set number of steps (a time budget only cuts it short), so its weights never depend on how fast a
/// step ran; any other run counts whichever of its planned steps and its time budget is further along,
/// so a run its budget cuts short still finishes its decay.
struct LearningSchedule: Sendable {
  /// The rate after warmup, before any decay.
  var peak: Float
  var warmupSteps: Int
  /// The steps the run plans: the set steps, or its epochs' batches.
  var plannedSteps: Int
  /// Whether the run is of a set number of steps (`plannedSteps`).
  var stepsAreSet: Bool
  /// The time budget in seconds of the trainer's budget clock; infinite without one.
  var budgetSeconds: Double

  init(peak: Float, warmupSteps: Int, plannedSteps: Int, stepsAreSet: Bool, budgetMinutes: Double?) {
    self.peak = peak
    self.warmupSteps = max(1, warmupSteps)
    self.plannedSteps = max(1, plannedSteps)
    self.stepsAreSet = stepsAreSet
    self.budgetSeconds = budgetMinutes.map { max($0 * 60, 1e-9) } ?? .infinity
  }

  /// How much of the run is done, 0...1, after `steps` steps and `seconds` of the budget clock.
  func fractionDone(steps: Int, seconds: Double) -> Double {
    let byStep = Double(steps) / Double(plannedSteps)
    return min(1, stepsAreSet ? byStep : max(byStep, seconds / budgetSeconds))
  }

  /// The rate for `step` with `fraction` of the run done.
  func rate(step: Int, fraction: Double) -> Float {
    let warm = min(1, Float(step + 1) / Float(warmupSteps))
    return peak * warm * Float(0.1 + 0.45 * (1 + cos(Double.pi * fraction)))
  }
}
