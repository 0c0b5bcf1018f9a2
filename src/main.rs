//! The `risalah` binary: parse the command line, run, map the outcome to an exit code.

fn main() -> std::process::ExitCode {
    restore_broken_pipe_default();
    risalah::cli::main()
}

/// Lets `risalah … | head` end quietly: Rust ignores SIGPIPE, so a closed
/// pipe would otherwise make every `println!` panic.
fn restore_broken_pipe_default() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists; it only
    // resets a signal disposition to the system default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
