/**
 * The completion-based VFS contract: how the engine reaches storage without ever blocking.
 *
 * <p>A {@link dev.skerry.engine.io.VfsFile} operation returns a {@link dev.skerry.engine.io.Completion} at
 * once. Inline backends (memory, JVM files, OPFS sync access handles) complete it before returning;
 * asynchronous ones complete it later, when the host calls {@link dev.skerry.engine.io.Vfs#runPendingIo()}.
 *
 * <p>Inside the engine, a routine that needs data that is not in memory yet records the completions it waits
 * for in an {@link dev.skerry.engine.io.IoPending} and throws it. The throw unwinds to the VM's step loop,
 * which returns {@code IO} to the host with those completions; the host drives them and steps again, and the
 * same opcode runs again from its start. Methods that may yield declare {@code throws IoPending}: that is how
 * the signature says "may do I/O". The rule that keeps re-entry safe: a method that may throw {@code
 * IoPending} changes no lasting state before its last possible throw ("resident set, then mutate"), or keeps
 * its progress in an explicit state object that is switched before the throw (see
 * {@code ../shared/docs/async-io.md}).
 */
package dev.skerry.engine.io;
