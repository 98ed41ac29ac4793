/// The version of evident, shown by `--version` and recorded in every build.
package enum EvidentVersion {
    /// The semantic version string.
    package static let current = "0.1.0"
}
