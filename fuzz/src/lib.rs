//! What the fuzz targets share.

/// Lets libFuzzer report a stack overflow like any other crash, with the input saved.
///
/// Without a sanitizer, libFuzzer's SIGSEGV handler runs on the overflowed stack, so the
/// process dies silently and the input is lost. libFuzzer keeps `SA_ONSTACK` when the
/// handler it replaces has it, so this installs the default handler with that flag and
/// an alternate stack for it to run on. Call it from the target's `init`.
pub fn catch_stack_overflows() {
    const SIZE: usize = 1 << 20;
    let stack: &'static mut [u8] = Box::leak(vec![0u8; SIZE].into_boxed_slice());
    // SAFETY: the stack is leaked, so it outlives every signal; both calls only read the
    // structs they are given.
    unsafe {
        let ss = libc::stack_t {
            ss_sp: stack.as_mut_ptr().cast(),
            ss_flags: 0,
            ss_size: SIZE,
        };
        assert_eq!(libc::sigaltstack(&ss, std::ptr::null_mut()), 0);
        for sig in [libc::SIGSEGV, libc::SIGBUS] {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = libc::SIG_DFL;
            sa.sa_flags = libc::SA_ONSTACK;
            assert_eq!(libc::sigaction(sig, &sa, std::ptr::null_mut()), 0);
        }
    }
}
