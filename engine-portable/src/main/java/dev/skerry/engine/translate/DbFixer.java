package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.schema.Schema;

/**
 * SQLite's {@code DbFixer} for CREATE VIEW: a view stored outside the TEMP database may name, in its query and
 * its subqueries, only tables of its own database ({@code view V cannot reference objects in database D}, the
 * database as written). Stateless apart from the view it checks; one instance checks one view.
 */
final class DbFixer extends FromNames {
    private final Schema schema;
    private final int iDb;
    private final String kind;
    private final String name;

    /** A fixer for object {@code name} of type {@code kind} ("view") stored in database {@code iDb}. */
    DbFixer(Schema schema, int iDb, String kind, String name) {
        this.schema = schema;
        this.iDb = iDb;
        this.kind = kind;
        this.name = name;
    }

    /** Checks {@code select}; nothing for an object of the TEMP database, which may name any database. */
    void check(Select select) throws SqliteException {
        if (iDb != 1) {
            select(select);
        }
    }

    @Override
    void table(QualifiedName q, boolean function) throws SqliteException {
        if (q.schema() != null && schema.findDatabase(q.schema().text()) != iDb) {
            throw SqliteException.error(kind + " " + name + " cannot reference objects in database "
                    + q.schema().text());
        }
    }
}
