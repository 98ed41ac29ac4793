import ArgumentParser

/// The flags shared by `build` and `check` that decide which essays and claims a run judges.
struct JudgingOptions: ParsableArguments {
    @Flag(
        help:
            "Refuse claims edited, added or removed after their evidence was measured (only --refresh registers claims)."
    )
    var preregistered = false

    @Flag(help: "Include essays marked `draft: true`.")
    var drafts = false
}
