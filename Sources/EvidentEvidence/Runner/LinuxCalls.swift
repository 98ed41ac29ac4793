import Glibc

/// The Linux-specific C functions the runner needs that Swift's Glibc module does not import (GNU extensions
/// and variadic functions), looked up once in the C library by name.
enum LinuxCalls {
    private typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32

    private static let addChdir: AddChdir = symbol("posix_spawn_file_actions_addchdir_np")
    private static let addClosefrom: AddClosefrom = symbol("posix_spawn_file_actions_addclosefrom_np")
    private static let pipe2: Pipe2 = symbol("pipe2")
    private static let pidfdOpen: PidfdOpen = symbol("pidfd_open")

    /// Makes the spawned program start in `directory` (glibc 2.29).
    static func spawnChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ directory: String) -> Int32 {
        addChdir(&actions, directory)
    }

    /// Closes every file descriptor from `lowest` up in the spawned program (glibc 2.34).
    static func spawnCloseFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) -> Int32 {
        addClosefrom(&actions, lowest)
    }

    /// Fills `ends` with a new pipe whose ends are both close-on-exec from the start.
    static func closeOnExecPipe(_ ends: inout [Int32]) -> Int32 {
        pipe2(&ends, O_CLOEXEC)
    }

    /// A file descriptor that polls readable once process `pid` has exited (Linux 5.3, glibc 2.36).
    static func openPidfd(_ pid: pid_t) -> Int32 {
        pidfdOpen(pid, 0)
    }

    private static func symbol<Function>(_ name: String) -> Function {
        guard let address = dlsym(nil, name) else {
            fatalError("the C library has no \(name); evident needs glibc 2.36 or later")
        }
        return unsafeBitCast(address, to: Function.self)
    }
}
