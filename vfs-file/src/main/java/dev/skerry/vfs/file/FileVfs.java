package dev.skerry.vfs.file;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Files of the JVM's file system. Each operation runs before it returns and completes inline; I/O errors
 * become failed completions with SQLite's I/O error codes. {@code sync} is {@code FileChannel.force(true)}.
 * A file opened without {@link Vfs#CREATE} that does not exist fails its operations with
 * {@code SQLITE_CANTOPEN}. The channel is opened on first use and closed by {@link VfsFile#close()}.
 */
public final class FileVfs implements Vfs {
    @Override
    public VfsFile open(String path, int flags) {
        return new JvmFile(Paths.get(path), flags);
    }

    @Override
    public Completion delete(String path) {
        try {
            Files.deleteIfExists(Paths.get(path));
            return Completion.succeeded(0);
        } catch (IOException e) {
            return Completion.failed(ResultCode.SQLITE_IOERR_DELETE, "disk I/O error");
        }
    }

    @Override
    public boolean runPendingIo() {
        return false;
    }

    private static final class JvmFile implements VfsFile {
        private final Path path;
        private final int flags;
        private FileChannel channel;

        JvmFile(Path path, int flags) {
            this.path = path;
            this.flags = flags;
        }

        /** The channel, opened on first use; null when the file does not exist and may not be created. */
        private FileChannel channel() throws IOException {
            if (channel == null) {
                try {
                    if ((flags & READONLY) != 0) {
                        channel = FileChannel.open(path, StandardOpenOption.READ);
                    } else if ((flags & CREATE) != 0) {
                        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                                StandardOpenOption.CREATE);
                    } else {
                        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    }
                } catch (NoSuchFileException e) {
                    return null;
                }
            }
            return channel;
        }

        private Completion cantOpen() {
            return Completion.failed(ResultCode.SQLITE_CANTOPEN, "unable to open database file");
        }

        @Override
        public Completion read(long pos, byte[] buf, int off, int len) {
            try {
                FileChannel ch = channel();
                if (ch == null) {
                    return cantOpen();
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
                long p = pos;
                while (bb.hasRemaining()) {
                    int r = ch.read(bb, p);
                    if (r < 0) {
                        break;
                    }
                    p += r;
                }
                int got = len - bb.remaining();
                for (int k = off + got; k < off + len; k++) {
                    buf[k] = 0;
                }
                return Completion.succeeded(got);
            } catch (IOException e) {
                return Completion.failed(ResultCode.SQLITE_IOERR_READ, "disk I/O error");
            }
        }

        @Override
        public Completion write(long pos, byte[] buf, int off, int len) {
            try {
                FileChannel ch = channel();
                if (ch == null) {
                    return cantOpen();
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
                long p = pos;
                while (bb.hasRemaining()) {
                    p += ch.write(bb, p);
                }
                return Completion.succeeded(len);
            } catch (IOException e) {
                return Completion.failed(ResultCode.SQLITE_IOERR_WRITE, "disk I/O error");
            }
        }

        @Override
        public Completion sync() {
            try {
                FileChannel ch = channel();
                if (ch == null) {
                    return cantOpen();
                }
                ch.force(true);
                return Completion.succeeded(0);
            } catch (IOException e) {
                return Completion.failed(ResultCode.SQLITE_IOERR_FSYNC, "disk I/O error");
            }
        }

        @Override
        public Completion truncate(long size) {
            try {
                FileChannel ch = channel();
                if (ch == null) {
                    return cantOpen();
                }
                long cur = ch.size();
                if (size < cur) {
                    ch.truncate(size);
                } else if (size > cur) {
                    ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
                }
                return Completion.succeeded(0);
            } catch (IOException e) {
                return Completion.failed(ResultCode.SQLITE_IOERR_TRUNCATE, "disk I/O error");
            }
        }

        @Override
        public Completion size() {
            try {
                FileChannel ch = channel();
                if (ch == null) {
                    return cantOpen();
                }
                return Completion.succeeded(ch.size());
            } catch (IOException e) {
                return Completion.failed(ResultCode.SQLITE_IOERR_FSTAT, "disk I/O error");
            }
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Nothing was pending (contract of close); a failing close loses nothing.
                    channel = null;
                }
                channel = null;
            }
        }
    }
}
