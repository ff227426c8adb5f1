import ArgumentParser
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskStore

// The product's choices as command-line values, declared once for every command (the executable's
// and the benchmarks'): each reads its raw value, such as `--ranker neural` or `--by rep`.

extension ColorMode: ExpressibleByArgument {}
extension RankerChoice: ExpressibleByArgument {}
extension GeneratorChoice: ExpressibleByArgument {}
extension CorpusFormat: ExpressibleByArgument {}
extension StatsGrouping: ExpressibleByArgument {}
extension StatsChannel: ExpressibleByArgument {}
extension SessionOutcome: ExpressibleByArgument {}
