import Foundation
import PackagePlugin

/// Generates `GitDescribe.swift` with `let gitDescribe = "<git describe --always --dirty>"` for `podmem --version`.
/// A prebuild command runs before every build, so a new commit or an edit shows without a clean build; the file is
/// rewritten only when the text changes, so an unchanged tree recompiles nothing. A clone without tags gets the
/// abbreviated commit; a tree outside git (or without git installed) gets "unknown".
@main
struct GitDescribe: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let file = output.appending(path: "GitDescribe.swift")
        let script = """
            set -u
            mkdir -p "$2"
            described=$(git -C "$1" describe --always --dirty 2>/dev/null | LC_ALL=C tr -cd '[:alnum:]._+-') || described=
            [ -n "$described" ] || described=unknown
            text="/// \\`git describe --always --dirty\\` of the tree this binary was built from (or unknown).
            let gitDescribe = \\"$described\\""
            [ "$(cat "$3" 2>/dev/null)" = "$text" ] || printf '%s\\n' "$text" >"$3"
            """
        return [.prebuildCommand(
            displayName: "git describe for podmem --version",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", script, "git-describe", context.package.directoryURL.path, output.path, file.path],
            outputFilesDirectory: output)]
    }
}
