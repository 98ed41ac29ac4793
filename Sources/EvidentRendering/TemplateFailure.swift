import EvidentCore

/// What is wrong with a site's templates: a folder that cannot be read, a template that does not parse, an
/// include of a template that does not exist or that recurses without end. The English is here, and in the files
/// of the parser's and the renderer's own errors, which name the tag at fault.
enum TemplateFailure: FailureReason {
    /// The templates folder could not be listed; `reason` is the system's.
    case cannotList(reason: String)
    /// `templates` exists but is not a folder.
    case notAFolder
    /// A template that does not parse.
    case syntax(TemplateSyntaxError)
    /// A partial or parent tag names the template `missing`, which does not exist.
    case missingTemplate(String)
    /// Includes nested past the renderer's depth limit.
    case recursion(TemplateRecursionError)

    var kind: EvidentError.Kind {
        switch self {
        case .cannotList: return .io
        case .notAFolder, .syntax, .missingTemplate, .recursion: return .input
        }
    }

    var message: String {
        switch self {
        case .cannotList(let reason): return "cannot list the templates: \(reason)"
        case .notAFolder: return "`templates` is not a folder"
        case .syntax(let error): return "template syntax error: \(error.message)"
        case .missingTemplate(let missing): return "the template refers to `\(missing)`, which does not exist"
        case .recursion(let error): return error.message
        }
    }

    var fix: String? {
        switch self {
        case .cannotList: return "check the folder's permissions, and the limit of open files (ulimit -n)"
        case .notAFolder:
            return "remove or rename it, or make it a folder of Mustache templates (templates/essay.mustache, ...)"
        case .syntax(let error): return error.fix
        case .missingTemplate(let missing): return "add templates/\(missing).mustache or correct the name"
        case .recursion(let error): return error.fix
        }
    }
}
