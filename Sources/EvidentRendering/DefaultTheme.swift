import EvidentCore
import Foundation

/// The theme compiled into evident (its source is the repo's `templates/`), used for every file a site does not
/// override.
package enum DefaultTheme {
    /// Writes the theme into `folder` (for `evident init`), refusing to overwrite existing files.
    package static func write(to folder: URL) throws {
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            try OutputFile.createNew(url, contents: text + "\n")
        }
    }
}
