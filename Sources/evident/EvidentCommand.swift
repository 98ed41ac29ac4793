import ArgumentParser
import EvidentCore

/// `evident`: the root command, whose subcommands build, check, serve and scaffold a site.
struct EvidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evident",
        abstract: "A static site generator for essays whose claims come with runnable evidence.",
        discussion: """
            Examples:
              evident build             build ./content into ./public
              evident build --refresh   measure every experiment again
              evident serve             preview with live reload
              evident check             claims, links and anchors
            """,
        version: EvidentVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, Init.self, New.self],
        defaultSubcommand: Build.self
    )
}
