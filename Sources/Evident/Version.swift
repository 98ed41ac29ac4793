/// The version of evident, shown by `--version` and recorded in every build.
public enum EvidentVersion {
    /// The semantic version string.
    public static let current = "0.1.0"
}
