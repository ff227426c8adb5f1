import Foundation

/// A finished (or, at the length limit, unfinished) hypothesis of a beam search.
public struct BeamHypothesis: Sendable, Equatable {
  /// Written tokens, without the end token.
  public var tokens: [Int]
  /// Sum of the (penalised) log-probabilities, end token included.
  var logProb: Float
  /// `logProb` divided by `length ^ lengthPenalty`, what hypotheses are ranked by.
  var score: Float
  var finished: Bool
}

/// Beam search with length normalisation, a repetition penalty, n-gram blocking and sentence-end
/// constraints, over any step function.
public struct BeamSearch: Sendable {
  public var beamWidth: Int
  var maxLength: Int
  /// Exponent of the length in the normalised score (0 ranks by raw log-probability).
  public var lengthPenalty: Float
  /// Subtracted from the log-probability of a token the hypothesis already wrote.
  public var repetitionPenalty: Float
  /// No hypothesis writes the same run of this many tokens twice ("could you please? could you
  /// please?"); 0 allows repeats.
  public var noRepeatNGram: Int
  /// When not empty, a hypothesis may end only right after one of these tokens (".", "!", "?"), so a
  /// finished reply never breaks off mid-sentence.
  var sentenceEnders: Set<Int>
  var endToken: Int

  public init(
    beamWidth: Int = 4, maxLength: Int = 40, lengthPenalty: Float = 0.7, repetitionPenalty: Float = 0.6,
    noRepeatNGram: Int = 3, sentenceEnders: Set<Int> = [], endToken: Int = GeneratorVocabulary.end
  ) {
    self.beamWidth = max(1, beamWidth)
    self.maxLength = maxLength
    self.lengthPenalty = lengthPenalty
    self.repetitionPenalty = repetitionPenalty
    self.noRepeatNGram = noRepeatNGram
    self.sentenceEnders = sentenceEnders
    self.endToken = endToken
  }

  private struct Live<State> {
    var tokens: [Int]
    var logProb: Float
    var state: State
    var next: [Float]
  }

  /// Hypotheses best first. `first` gives the log-probabilities of the first token; `step` feeds one
  /// token to each state and returns the new states with their next-token log-probabilities.
  public func search<State>(
    start: State, first: [Float], step: ([State], [Int]) -> [(State, [Float])]
  ) -> [BeamHypothesis] {
    var live = [Live(tokens: [], logProb: 0, state: start, next: first)]
    var finished: [BeamHypothesis] = []
    for length in 1...max(1, maxLength) {
      var candidates: [(from: Int, token: Int, logProb: Float)] = []
      for (index, hypothesis) in live.enumerated() {
        let next = allowed(hypothesis.next, after: hypothesis.tokens)
        var best: [(token: Int, value: Float)] = []
        for (token, value) in next.enumerated() where value > -.infinity {
          guard best.count < beamWidth || value > best[best.count - 1].value else { continue }
          let place = best.firstIndex { value > $0.value } ?? best.count
          best.insert((token, value), at: place)
          if best.count > beamWidth { best.removeLast() }
        }
        for (token, value) in best {
          candidates.append((index, token, hypothesis.logProb + value))
        }
      }
      candidates.sort { $0.logProb != $1.logProb ? $0.logProb > $1.logProb : $0.token < $1.token }
      var continuing: [(from: Int, token: Int, logProb: Float)] = []
      for candidate in candidates {
        if candidate.token == endToken || length == maxLength {
          let tokens = live[candidate.from].tokens + (candidate.token == endToken ? [] : [candidate.token])
          finished.append(
            BeamHypothesis(
              tokens: tokens, logProb: candidate.logProb,
              score: normalised(candidate.logProb, length: length),
              finished: candidate.token == endToken))
        } else if continuing.count < beamWidth {
          continuing.append(candidate)
        }
      }
      let bestFinished = finished.map(\.score).max() ?? -.infinity
      let bestLive = continuing.map { normalised($0.logProb, length: maxLength) }.max() ?? -.infinity
      if continuing.isEmpty || length == maxLength || bestLive < bestFinished {
        break
      }
      let advanced = step(continuing.map { live[$0.from].state }, continuing.map(\.token))
      live = zip(continuing, advanced).map { candidate, next in
        Live(
          tokens: live[candidate.from].tokens + [candidate.token], logProb: candidate.logProb, state: next.0,
          next: next.1)
      }
    }
    return finished.sorted { $0.score > $1.score }
  }

  /// The next-token log-probabilities [vocabulary] after `tokens`: repeated tokens penalised, tokens
  /// that would repeat an n-gram and an end that would break off a sentence made impossible.
  func allowed(_ logProbs: [Float], after tokens: [Int]) -> [Float] {
    var next = logProbs
    for token in Set(tokens) { next[token] -= repetitionPenalty }
    for token in repeatingTokens(after: tokens) { next[token] = -.infinity }
    if !sentenceEnders.isEmpty, !(tokens.last.map(sentenceEnders.contains) ?? false) {
      next[endToken] = -.infinity
    }
    return next
  }

  /// Tokens that, written after `tokens`, would complete an n-gram `tokens` already holds.
  func repeatingTokens(after tokens: [Int]) -> Set<Int> {
    let n = noRepeatNGram
    guard n > 0, tokens.count >= n else { return [] }
    let tail = tokens.suffix(n - 1)
    var blocked = Set<Int>()
    for start in 0...(tokens.count - n) where tokens[start..<(start + n - 1)].elementsEqual(tail) {
      blocked.insert(tokens[start + n - 1])
    }
    return blocked
  }

  func normalised(_ logProb: Float, length: Int) -> Float {
    logProb / powf(Float(length), lengthPenalty)
  }
}
