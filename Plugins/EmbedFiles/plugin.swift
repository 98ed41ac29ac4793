import Foundation
import PackagePlugin

/// Compiles the default theme (`templates/`) and the experiment helpers (`helpers/`) into the target that declares
/// their type (`DefaultTheme.swift`, `BundledHelpers.swift`): each folder becomes a generated Swift file, rebuilt
/// whenever one of its files changes.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "embed-files")
        let sources = Set((target as? SourceModuleTarget)?.sourceFiles.map(\.url.lastPathComponent) ?? [])
        return [("templates", "DefaultTheme"), ("helpers", "BundledHelpers")].filter {
            sources.contains("\($0.1).swift")
        }.map { folder, type in
            let source = context.package.directoryURL.appending(path: folder)
            let output = context.pluginWorkDirectoryURL.appending(path: "\(type)+Files.swift")
            return .buildCommand(
                displayName: "Embedding \(folder)", executable: tool.url,
                arguments: [source.path, output.path, type], inputFiles: files(in: source), outputFiles: [output])
        }
    }

    private func files(in folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }
}
