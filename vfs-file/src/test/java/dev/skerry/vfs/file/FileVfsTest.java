package dev.skerry.vfs.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVfsTest {
    @TempDir
    Path dir;

    @Test
    void writeReadSyncTruncate() throws Exception {
        FileVfs vfs = new FileVfs();
        String path = dir.resolve("f.db").toString();
        VfsFile f = vfs.open(path, Vfs.CREATE);
        assertEquals(4, f.write(4, new byte[] {1, 2, 3, 4}, 0, 4).result());
        assertEquals(0, f.sync().result());
        assertEquals(8, f.size().result());
        byte[] buf = new byte[12];
        Completion r = f.read(2, buf, 0, 12);
        assertEquals(6, r.result());
        assertArrayEquals(new byte[] {0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0}, buf);
        f.truncate(5);
        assertEquals(5, f.size().result());
        f.truncate(20);
        assertEquals(20, Files.size(Path.of(path)));
        f.close();
        assertFalse(vfs.runPendingIo());
        vfs.delete(path);
        assertFalse(Files.exists(Path.of(path)));
        assertTrue(vfs.delete(path).isDone(), "deleting a missing file succeeds");
    }

    @Test
    void missingFileWithoutCreate() {
        FileVfs vfs = new FileVfs();
        Completion c = vfs.open(dir.resolve("none").toString(), 0).size();
        assertTrue(c.isFailed());
        assertEquals(ResultCode.SQLITE_CANTOPEN, c.errorCode());
        assertFalse(Files.exists(dir.resolve("none")));
    }
}
