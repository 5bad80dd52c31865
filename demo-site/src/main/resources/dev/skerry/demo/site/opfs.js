// The database files of the origin private file system (OPFS), where skerry.js keeps every database that is
// not ':memory:'. A database "name" is a file of the OPFS root; "name-wal" and "name-journal" belong to it.

const COMPANIONS = ['', '-wal', '-journal'];

/** The names of the databases in the OPFS root, sorted. */
export async function listDatabases() {
  const root = await navigator.storage.getDirectory();
  const names = [];
  for await (const [name, handle] of root.entries()) {
    if (handle.kind === 'file' && !name.endsWith('-wal') && !name.endsWith('-journal')) names.push(name);
  }
  return names.sort();
}

/**
 * Deletes a database and its log files (the connection must be closed). Rejects when a file is held open
 * elsewhere, such as by the console in another tab.
 */
export async function deleteDatabase(name) {
  const root = await navigator.storage.getDirectory();
  for (const suffix of COMPANIONS) {
    try {
      await root.removeEntry(name + suffix);
    } catch (e) {
      if (e.name !== 'NotFoundError') {
        throw new Error('could not delete ' + name + suffix + ': ' + e.message
          + (e.name === 'NoModificationAllowedError' ? ' (is the database open in another tab?)' : ''));
      }
    }
  }
}
