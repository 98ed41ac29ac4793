import ArgumentParser
import CAllocator
import EvidentCore
import Glibc

/// Runs the command line: every failure is printed as `file:line: what — fix` with the exit code of DESIGN.md
/// (1 build error, 2 usage, 3 contradicted claim). Only a command line the parser rejects is a usage error; any
/// failure while a command runs that is not an `EvidentError` is a build error (1).
evident_allocator_configure()
var command: ParsableCommand
do {
    command = try EvidentCommand.parseAsRoot()
} catch {
    if EvidentCommand.exitCode(for: error) == .success {
        print(EvidentCommand.fullMessage(for: error))
        exit(0)
    }
    Terminal.error(EvidentCommand.usageMessage(for: error))
    exit(2)
}
do {
    try command.run()
} catch let error as EvidentError {
    Terminal.error(error.description)
    exit(error.exitCode)
} catch let error as ExitCode {
    exit(error.rawValue)
} catch {
    // The parser's own errors can still surface here (`--help` runs as a command); anything else failed the build.
    switch EvidentCommand.exitCode(for: error) {
    case .success:
        print(EvidentCommand.fullMessage(for: error))
        exit(0)
    case .validationFailure:
        Terminal.error(EvidentCommand.usageMessage(for: error))
        exit(2)
    default:
        Terminal.error(String(describing: error))
        exit(1)
    }
}
