import EvidentEvidence

/// The evidence block of a `probe` on the page: the `partials/probe` template (which a site may override) fed a
/// works / fails matrix — a row per snippet, a column per tool, the first error line under each failure — with
/// the claims, where the results come from and whether they are stale. Values are plain text the template escapes.
enum ProbeView {
    /// The partial that renders the block, a `<section class="evidence probe" id="<id>">`.
    static let partial = "partials/probe"

    /// The view model the `probe` partial receives.
    static func context(
        probe: ProbeDirective, record: EvidenceRecord, claims: [EvidenceClaim], stale: Bool,
        currentEnvironment: MachineEnvironment?, captionInlineCode: MarkdownRenderer.InlineCodeHook? = nil,
        sources: [String] = [], revisions: ClaimRevisions? = nil
    ) throws -> TemplateValue {
        let results = record.probe ?? []
        let rows = probe.snippets.map { snippet -> TemplateValue in
            let cells = probe.tools.map { tool -> TemplateValue in
                guard let result = results.first(where: { $0.tool == tool.name && $0.snippet == snippet.name }) else {
                    return ["ran": false, "tool": .text(tool.name)]
                }
                var cell: [String: TemplateValue] = [
                    "ran": true, "works": .bool(result.works), "tool": .text(tool.name),
                ]
                if !result.works, let error = result.firstError, !error.isEmpty { cell["error"] = .text(error) }
                return .object(cell)
            }
            return ["snippet": .text(snippet.name), "cells": .list(cells)]
        }
        var context: [String: TemplateValue] = [
            "id": .text(probe.id),
            "title": .text(probe.title),
            "tools": .texts(probe.tools.map(\.name)),
            "rows": .list(rows),
            "caption": "Whether each snippet works under each tool, with the first error line of a failure.",
            "claims": ClaimLines.context(claims, bench: nil, revisions: revisions),
            "removed_claims": ClaimLines.removed(revisions),
            "has_removed_claims": .bool(!(revisions?.removed.isEmpty ?? true)),
            "has_claims": .bool(!claims.isEmpty || !(revisions?.removed.isEmpty ?? true)),
            "json": "\(probe.id).json",
            "provenance": Provenance(
                id: probe.id, record: record, currentEnvironment: currentEnvironment, stale: stale,
                sources: sources
            ).context,
        ]
        if let caption = try CaptionHTML.render(probe.caption, inlineCode: captionInlineCode) {
            context["caption_html"] = .text(caption)
        }
        return .object(context)
    }
}
