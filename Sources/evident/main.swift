import ArgumentParser
import CAllocator
import EvidentCore
import Glibc

/// Runs the command line: every failure is printed as `file:line: what — fix` with the exit code of DESIGN.md
/// (1 build error, 2 usage, 3 contradicted claim).
evident_allocator_configure()
do {
    var command = try EvidentCommand.parseAsRoot()
    try command.run()
} catch let error as EvidentError {
    Terminal.error(error.description)
    exit(error.exitCode)
} catch let error as ExitCode {
    exit(error.rawValue)
} catch {
    let code = EvidentCommand.exitCode(for: error)
    if code == .success {
        print(EvidentCommand.fullMessage(for: error))
        exit(0)
    }
    Terminal.error(EvidentCommand.fullMessage(for: error))
    exit(2)
}
