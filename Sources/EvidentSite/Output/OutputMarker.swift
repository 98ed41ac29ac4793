import EvidentCore

/// The file every build writes into its output, by which a later build knows the folder is one evident made and
/// may replace (Hugo and Zola guard their output folders the same way). It is hidden, and no page, feed or
/// sitemap lists it.
enum OutputMarker {
    static let name = ".evident-output"

    static let text = """
        This folder was written by `evident build`, which replaces all of it on every build: files added here are
        lost on the next build. evident replaces a non-empty output folder only when it holds this file.

        """
}
