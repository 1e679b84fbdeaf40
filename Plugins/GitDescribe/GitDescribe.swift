import Foundation
import PackagePlugin

/// Generates `GitDescribe.swift` (`let gitDescribe = "…"`) for `podmem --version` with `git-describe.sh` beside this
/// file. A prebuild command runs before every build, so a new commit or an edit shows without a clean build; a clone
/// without tags gets the abbreviated commit, a tree outside git (or without git installed) "unknown".
@main
struct GitDescribe: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let script = context.package.directoryURL.appending(path: "Plugins/GitDescribe/git-describe.sh")
        return [.prebuildCommand(
            displayName: "git describe for podmem --version",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [script.path, context.package.directoryURL.path, output.appending(path: "GitDescribe.swift").path],
            outputFilesDirectory: output)]
    }
}
