import Foundation
import ReplyDeskCore

extension ConsoleBenchmark {
  /// The template finder's search time per key over `count` templates, typing `query` one character
  /// at a time into the sample chat's finder `runs` times (match, rank and fill, as `update` does).
  /// Returns the figure and how many templates the whole query matches.
  public static func finder(templates count: Int, query: String = "refnd isued card", runs: Int = 20)
    -> (figure: LatencyStatistics, matches: Int)
  {
    let state = SampleState.busy(size: Size(width: 120, height: 40))
    let catalog = TemplateCatalog(templates: SampleState.templates(count: count))
    guard let chat = state.active else { return (LatencyStatistics([]), 0) }
    var samples: [Double] = []
    var matches = 0
    for _ in 0..<runs {
      for length in 0...query.count {
        let typed = String(query.prefix(length))
        let start = DispatchTime.now().uptimeNanoseconds
        let found = FinderSearch.search(typed, in: catalog, chat: chat, now: state.now)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        matches = found.matches
      }
    }
    return (LatencyStatistics(samples), matches)
  }
}
