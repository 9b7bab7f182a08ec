package io.learnstream.sinks.clickhouse.chdb;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of the process's signal handlers (libc {@code sigaction}), to put the JVM's back after a chDB call
 * replaced them.
 *
 * <p>Why: HotSpot handles SIGSEGV, SIGBUS, SIGILL and SIGFPE itself (implicit null checks, stack banging,
 * safepoint polls). Measured with libchdb 26.5.3: {@code chdb_connect} installs ClickHouse's crash handlers on
 * those signals (and SIGTRAP, SIGABRT, SIGTSTP, SIGSYS), after which the first NullPointerException the JVM
 * raises through a signal hangs the process inside ClickHouse's handler; with
 * {@code chdb_set_signal_handlers_enabled(0)} both that call and {@code chdb_connect} reset the JVM's handlers
 * to SIG_DFL instead, which kills the JVM on the same event. Queries and {@code chdb_close_conn} leave the
 * handlers in place. So every call that can touch them runs between {@link #capture()} and
 * {@link #restoreChanged()}.
 *
 * <p>Linux x86-64 only (glibc's {@code struct sigaction} layout), like libchdb.so itself.
 */
final class SignalDispositions {

    /** glibc x86-64 {@code struct sigaction}: handler, 1024-bit mask, flags, padding, restorer. */
    private static final StructLayout SIGACTION = MemoryLayout.structLayout(
            ADDRESS.withName("sa_handler"),
            MemoryLayout.sequenceLayout(16, JAVA_LONG).withName("sa_mask"),
            JAVA_INT.withName("sa_flags"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("sa_restorer"));
    private static final long HANDLER = SIGACTION.byteOffset(MemoryLayout.PathElement.groupElement("sa_handler"));
    private static final long MASK = SIGACTION.byteOffset(MemoryLayout.PathElement.groupElement("sa_mask"));
    private static final long FLAGS = SIGACTION.byteOffset(MemoryLayout.PathElement.groupElement("sa_flags"));
    /** Set by glibc itself on every sigaction call; says nothing about who owns the signal. */
    private static final int SA_RESTORER = 0x04000000;
    /** Added to the JVM's SIGSEGV entry while ClickHouse threads run queries; the handler stays the JVM's. */
    private static final int SA_ONSTACK = 0x08000000;
    private static final int IGNORED_FLAGS = SA_RESTORER | SA_ONSTACK;
    private static final int SIGKILL = 9;
    private static final int SIGSTOP = 19;
    private static final int LAST_STANDARD_SIGNAL = 31;

    private static final MethodHandle SIGACTION_CALL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("sigaction")
                    .orElseThrow(() -> new IllegalStateException("libc's sigaction is not available to the JVM")),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));

    /** Held from capture to restore, so two snapshots never interleave with each other's restore. */
    private static final Object LOCK = new Object();

    private final Map<Integer, MemorySegment> saved;

    private SignalDispositions(Map<Integer, MemorySegment> saved) {
        this.saved = saved;
    }

    static SignalDispositions capture() {
        Map<Integer, MemorySegment> saved = new TreeMap<>();
        for (int signal = 1; signal <= LAST_STANDARD_SIGNAL; signal++) {
            if (signal != SIGKILL && signal != SIGSTOP) {
                saved.put(signal, current(signal, Arena.ofAuto()));
            }
        }
        return new SignalDispositions(saved);
    }

    /** Runs {@code call} and puts back every handler it replaced; returns the call's result. */
    static <T> T preserving(NativeCall<T> call, List<Integer> replacedOut) throws Throwable {
        synchronized (LOCK) {
            SignalDispositions before = capture();
            try {
                return call.run();
            } finally {
                replacedOut.addAll(before.restoreChanged());
            }
        }
    }

    /** Puts back every handler that differs from the snapshot and returns the signals it put back. */
    List<Integer> restoreChanged() {
        List<Integer> restored = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            for (Map.Entry<Integer, MemorySegment> entry : saved.entrySet()) {
                MemorySegment now = current(entry.getKey(), arena);
                if (differs(entry.getValue(), now)) {
                    int rc = (int) SIGACTION_CALL.invokeExact((int) entry.getKey(), entry.getValue(), MemorySegment.NULL);
                    if (rc != 0) {
                        throw new IllegalStateException("sigaction could not restore the handler of signal " + entry.getKey());
                    }
                    restored.add(entry.getKey());
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not restore the JVM's signal handlers", e);
        }
        return restored;
    }

    private static MemorySegment current(int signal, Arena arena) {
        MemorySegment action = arena.allocate(SIGACTION).fill((byte) 0);
        try {
            int rc = (int) SIGACTION_CALL.invokeExact(signal, MemorySegment.NULL, action);
            if (rc != 0) {
                throw new IllegalStateException("sigaction could not read the handler of signal " + signal);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("sigaction failed for signal " + signal, e);
        }
        return action;
    }

    /** Handler, the kernel's 64-bit mask and the meaningful flags; glibc leaves the rest of the mask undefined. */
    private static boolean differs(MemorySegment a, MemorySegment b) {
        return a.get(JAVA_LONG, HANDLER) != b.get(JAVA_LONG, HANDLER)
                || a.get(JAVA_LONG, MASK) != b.get(JAVA_LONG, MASK)
                || (a.get(JAVA_INT, FLAGS) & ~IGNORED_FLAGS) != (b.get(JAVA_INT, FLAGS) & ~IGNORED_FLAGS);
    }

    /** A native call that may replace signal handlers. */
    @FunctionalInterface
    interface NativeCall<T> {
        T run() throws Throwable;
    }
}
