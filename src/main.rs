//! The `risalah` binary: parse the command line, run, map the outcome to an exit code.

fn main() -> std::process::ExitCode {
    restore_broken_pipe_default();
    report_file_size_limits_as_errors();
    risalah::cli::main()
}

/// Under a file-size limit (`ulimit -f`) a write past it would kill the
/// process with SIGXFSZ mid-build; ignored, the write fails with an error
/// the index build reports and recovers from.
fn report_file_size_limits_as_errors() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists; it only
    // sets a signal disposition.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
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
