package dev.skerry.engine.vdbe;

/**
 * The opcodes of Skerry's bytecode: SQLite's names and SQLite's documented semantics
 * (https://sqlite.org/opcode.html), numbered densely for the VM's {@code switch}.
 *
 * <p>Every opcode has a doc block in one fixed form, harvested by a test that checks it against the tables
 * below (so the block and {@code EXPLAIN}'s text cannot drift apart):
 * <pre>
 *   first line:  {&#64;code Name operands} — synopsis {&#64;code text}.   (the synopsis part only when there is one)
 *   then:        &lt;p&gt; what the opcode does; "Deviation:" sentences say where Skerry differs from SQLite.
 * </pre>
 * The operands listed are the ones the opcode reads. The synopsis is the comment {@code EXPLAIN} shows for
 * an instruction without its own comment, with {@code P1}…{@code P5} replaced by the operands' values (as
 * SQLite's {@code SQLITE_ENABLE_EXPLAIN_COMMENTS} build does); {@code r[X]} is register X and {@code r[X@N]}
 * the N registers from X.
 *
 * <p>Jump operands: an opcode that may jump names the operands holding addresses in {@link #jumpMask}; the
 * {@link ProgramBuilder} resolves labels only in those operands.
 *
 * <p>Operand constants shared by several opcodes (SQLite's values) are at the end of this class.
 */
public final class Opcode {
    private Opcode() {
    }

    /**
     * {@code Init P1 P2 P3 P4} — synopsis {@code Start at P2}.
     *
     * <p>The first instruction of every program: jumps to P2 (where the prologue opens transactions and loads
     * constants). P4, when set, is the SQL text. Deviation: SQLite uses P1 as the generation counter of Once;
     * Skerry keeps Once flags in the VM, so P1 is unused.
     */
    public static final int INIT = 0;

    /**
     * {@code Goto P2}
     *
     * <p>Jumps unconditionally to P2.
     */
    public static final int GOTO = 1;

    /**
     * {@code Gosub P1 P2}
     *
     * <p>Stores the address of this instruction in register P1 as an integer and jumps to P2 (a subroutine
     * ending in Return P1).
     */
    public static final int GOSUB = 2;

    /**
     * {@code Return P1}
     *
     * <p>Jumps to the instruction after the address held in register P1 (set by Gosub). Deviation: SQLite's P3
     * variant (fall through when r[P1] is not an integer, for BeginSubrtn) is not provided.
     */
    public static final int RETURN = 3;

    /**
     * {@code InitCoroutine P1 P2 P3}
     *
     * <p>Makes register P1 hold P3-1, so that the first Yield P1 enters the coroutine at P3; then jumps to P2
     * when P2 is not zero.
     */
    public static final int INIT_COROUTINE = 4;

    /**
     * {@code EndCoroutine P1}
     *
     * <p>Ends the coroutine whose Yield address is in register P1: jumps to the P2 operand of that Yield
     * instruction and leaves register P1 such that a further Yield would re-run this instruction.
     */
    public static final int END_COROUTINE = 5;

    /**
     * {@code Yield P1 P2}
     *
     * <p>Swaps the program counter with the address in register P1: register P1 receives the address of this
     * instruction and execution continues after the address previously held. P2 is where EndCoroutine sends
     * the caller when the coroutine is finished.
     */
    public static final int YIELD = 6;

    /**
     * {@code HaltIfNull P1 P2 P3 P4 P5} — synopsis {@code if r[P3]=null halt}.
     *
     * <p>Halts exactly as Halt P1 P2 * P4 P5 does when register P3 holds NULL; otherwise does nothing.
     */
    public static final int HALT_IF_NULL = 7;

    /**
     * {@code Halt P1 P2 P3 P4 P5}
     *
     * <p>Ends the program. P1 is the result code (0 for success). On error P2 says what to undo (OE_Rollback=1
     * the transaction, OE_Abort=2 the statement, OE_Fail=3 nothing). The message is P4, or the text of register
     * P3 when P3 is not zero (RAISE's message); when P5 is 1, 2, 3 or
     * 4 it is prefixed with "NOT NULL", "UNIQUE", "CHECK" or "FOREIGN KEY" and " constraint failed: ". On
     * success at the end of the last writing statement in autocommit mode the transaction is committed here;
     * the statement reports IO until the commit is durable. With OE_Fail in autocommit mode the rows changed
     * before the error are committed too.
     */
    public static final int HALT = 8;

    /**
     * {@code Integer P1 P2} — synopsis {@code r[P2]=P1}.
     *
     * <p>Writes the 32-bit integer P1 into register P2.
     */
    public static final int INTEGER = 9;

    /**
     * {@code Int64 P2 P4} — synopsis {@code r[P2]=P4}.
     *
     * <p>Writes the 64-bit integer P4 (a Long) into register P2.
     */
    public static final int INT64 = 10;

    /**
     * {@code Real P2 P4} — synopsis {@code r[P2]=P4}.
     *
     * <p>Writes the floating-point value P4 (a Double) into register P2.
     */
    public static final int REAL = 11;

    /**
     * {@code String8 P2 P4} — synopsis {@code r[P2]='P4'}.
     *
     * <p>Writes the text P4 (a String) into register P2. (SQLite's String opcode, which carries a byte length
     * in P1, is folded into this one: Java strings know their length.)
     */
    public static final int STRING8 = 12;

    /**
     * {@code Null P1 P2 P3} — synopsis {@code r[P2..P3]=NULL}.
     *
     * <p>Writes NULL into register P2 and, when P3 is greater than P2, into every register up to P3. P1 is
     * accepted for SQLite's "NULLs that do not compare equal" mark and has no further effect here.
     */
    public static final int NULL = 13;

    /**
     * {@code Blob P1 P2 P4} — synopsis {@code r[P2]=P4 (len=P1)}.
     *
     * <p>Writes the blob P4 (a byte[] of length P1) into register P2.
     */
    public static final int BLOB = 14;

    /**
     * {@code Variable P1 P2 P4} — synopsis {@code r[P2]=parameter(P1,P4)}.
     *
     * <p>Copies the value bound to parameter number P1 (1-based) into register P2; an unbound parameter reads
     * as NULL. P4 is the parameter's name, when it has one.
     */
    public static final int VARIABLE = 15;

    /**
     * {@code Move P1 P2 P3} — synopsis {@code r[P2@P3]=r[P1@P3]}.
     *
     * <p>Moves the P3 registers starting at P1 to the P3 registers starting at P2; the sources become NULL.
     * The ranges must not overlap.
     */
    public static final int MOVE = 16;

    /**
     * {@code Copy P1 P2 P3} — synopsis {@code r[P2@P3+1]=r[P1@P3+1]}.
     *
     * <p>Copies the P3+1 registers starting at P1 into the registers starting at P2.
     */
    public static final int COPY = 17;

    /**
     * {@code SCopy P1 P2} — synopsis {@code r[P2]=r[P1]}.
     *
     * <p>Copies register P1 into register P2. (SQLite's shallow copy; Skerry's registers share immutable
     * strings and blobs, so it is the same as Copy with P3=0.)
     */
    public static final int SCOPY = 18;

    /**
     * {@code IntCopy P1 P2} — synopsis {@code r[P2]=r[P1]}.
     *
     * <p>Copies the integer in register P1 into register P2; register P1 must hold an integer.
     */
    public static final int INT_COPY = 19;

    /**
     * {@code ResultRow P1 P2} — synopsis {@code output=r[P1@P2]}.
     *
     * <p>Makes registers P1 to P1+P2-1 the current result row; step() returns ROW and the next step continues
     * after this instruction.
     */
    public static final int RESULT_ROW = 20;

    /**
     * {@code Concat P1 P2 P3} — synopsis {@code r[P3]=r[P2]+r[P1]}.
     *
     * <p>Writes the text of register P2 followed by the text of register P1 into register P3; NULL when either
     * is NULL.
     */
    public static final int CONCAT = 21;

    /**
     * {@code Add P1 P2 P3} — synopsis {@code r[P3]=r[P1]+r[P2]}.
     *
     * <p>Writes the sum of registers P1 and P2 into register P3, with SQLite's rules: NULL if either is NULL,
     * INTEGER unless overflow or a REAL operand makes it REAL.
     */
    public static final int ADD = 22;

    /**
     * {@code Subtract P1 P2 P3} — synopsis {@code r[P3]=r[P2]-r[P1]}.
     *
     * <p>Writes register P2 minus register P1 into register P3, with the rules of Add.
     */
    public static final int SUBTRACT = 23;

    /**
     * {@code Multiply P1 P2 P3} — synopsis {@code r[P3]=r[P1]*r[P2]}.
     *
     * <p>Writes the product of registers P1 and P2 into register P3, with the rules of Add.
     */
    public static final int MULTIPLY = 24;

    /**
     * {@code Divide P1 P2 P3} — synopsis {@code r[P3]=r[P2]/r[P1]}.
     *
     * <p>Writes register P2 divided by register P1 into register P3: integer division for integers, NULL when
     * the divisor is zero.
     */
    public static final int DIVIDE = 25;

    /**
     * {@code Remainder P1 P2 P3} — synopsis {@code r[P3]=r[P2]%r[P1]}.
     *
     * <p>Writes the remainder of register P2 divided by register P1 into register P3; NULL when the divisor is
     * zero.
     */
    public static final int REMAINDER = 26;

    /**
     * {@code BitAnd P1 P2 P3} — synopsis {@code r[P3]=r[P1]&r[P2]}.
     *
     * <p>Writes the bitwise AND of the integer values of registers P1 and P2 into register P3; NULL if either
     * is NULL.
     */
    public static final int BIT_AND = 27;

    /**
     * {@code BitOr P1 P2 P3} — synopsis {@code r[P3]=r[P1]|r[P2]}.
     *
     * <p>Writes the bitwise OR of the integer values of registers P1 and P2 into register P3; NULL if either
     * is NULL.
     */
    public static final int BIT_OR = 28;

    /**
     * {@code ShiftLeft P1 P2 P3} — synopsis {@code r[P3]=r[P2]<<r[P1]}.
     *
     * <p>Writes register P2 shifted left by register P1 bits into register P3 (a negative count shifts right);
     * NULL if either is NULL.
     */
    public static final int SHIFT_LEFT = 29;

    /**
     * {@code ShiftRight P1 P2 P3} — synopsis {@code r[P3]=r[P2]>>r[P1]}.
     *
     * <p>Writes register P2 shifted right (arithmetically) by register P1 bits into register P3 (a negative
     * count shifts left); NULL if either is NULL.
     */
    public static final int SHIFT_RIGHT = 30;

    /**
     * {@code AddImm P1 P2} — synopsis {@code r[P1]=r[P1]+P2}.
     *
     * <p>Converts register P1 to an integer and adds the constant P2 to it.
     */
    public static final int ADD_IMM = 31;

    /**
     * {@code MustBeInt P1 P2}
     *
     * <p>Makes register P1 an integer if it holds one exactly (applying numeric affinity). If it cannot, jumps
     * to P2, or when P2 is 0 fails with SQLITE_MISMATCH "datatype mismatch".
     */
    public static final int MUST_BE_INT = 32;

    /**
     * {@code RealAffinity P1}
     *
     * <p>If register P1 holds an integer, converts it to the equal REAL.
     */
    public static final int REAL_AFFINITY = 33;

    /**
     * {@code Cast P1 P2} — synopsis {@code affinity(r[P1])}.
     *
     * <p>Converts register P1 as CAST does, to the affinity whose character is P2 ('A' BLOB, 'B' TEXT, 'C'
     * NUMERIC, 'D' INTEGER, 'E' REAL).
     */
    public static final int CAST = 34;

    /**
     * {@code Eq P1 P2 P3 P4 P5} — synopsis {@code IF r[P3]==r[P1]}.
     *
     * <p>Jumps to P2 when register P3 equals register P1. P4 is the collation for text (a Collation; BINARY
     * when null). The low bits of P5 (mask 0x47) hold the comparison affinity: with NUMERIC, INTEGER or REAL
     * affinity a text operand that looks like a number is compared as that number; with TEXT affinity a
     * numeric operand is compared as its text; conversions do not change the registers. If either operand is
     * NULL: with SQLITE_NULLEQ (0x80) NULL equals NULL and nothing else; otherwise the comparison is unknown
     * and jumps only when SQLITE_JUMPIFNULL (0x10) is set. Sets the result that a following ElseEq reads.
     */
    public static final int EQ = 35;

    /**
     * {@code Ne P1 P2 P3 P4 P5} — synopsis {@code IF r[P3]!=r[P1]}.
     *
     * <p>Jumps to P2 when register P3 differs from register P1; operands as for Eq.
     */
    public static final int NE = 36;

    /**
     * {@code Lt P1 P2 P3 P4 P5} — synopsis {@code IF r[P3]<r[P1]}.
     *
     * <p>Jumps to P2 when register P3 is less than register P1; operands as for Eq.
     */
    public static final int LT = 37;

    /**
     * {@code Le P1 P2 P3 P4 P5} — synopsis {@code IF r[P3]<=r[P1]}.
     *
     * <p>Jumps to P2 when register P3 is less than or equal to register P1; operands as for Eq.
     */
    public static final int LE = 38;

    /**
     * {@code Gt P1 P2 P3 P4 P5} — synopsis {@code IF r[P3]>r[P1]}.
     *
     * <p>Jumps to P2 when register P3 is greater than register P1; operands as for Eq.
     */
    public static final int GT = 39;

    /**
     * {@code Ge P1 P2 P3 P4 P5} — synopsis {@code IF r[P3]>=r[P1]}.
     *
     * <p>Jumps to P2 when register P3 is greater than or equal to register P1; operands as for Eq.
     */
    public static final int GE = 40;

    /**
     * {@code ElseEq P2}
     *
     * <p>Follows a Lt or Gt (possibly after other ElseEq): jumps to P2 when that comparison found its operands
     * equal.
     */
    public static final int ELSE_EQ = 41;

    /**
     * {@code Permutation P4}
     *
     * <p>Sets the permutation (an int[] in P4) that the next Compare with P5 bit 1 set uses to pick its
     * registers.
     */
    public static final int PERMUTATION = 42;

    /**
     * {@code Compare P1 P2 P3 P4 P5} — synopsis {@code r[P1@P3] <-> r[P2@P3]}.
     *
     * <p>Compares the P3 registers starting at P1 with those starting at P2, field by field, with the
     * collations and DESC flags of the KeyInfo P4; saves the result for the next Jump. When P5 has bit 1
     * (OPFLAG_PERMUTE) set, field i is taken from offset permutation[i] of each range.
     */
    public static final int COMPARE = 43;

    /**
     * {@code Jump P1 P2 P3}
     *
     * <p>Jumps to P1, P2 or P3 as the last Compare found the first range less than, equal to, or greater than
     * the second.
     */
    public static final int JUMP = 44;

    /**
     * {@code And P1 P2 P3} — synopsis {@code r[P3]=(r[P1] && r[P2])}.
     *
     * <p>Writes the three-valued AND of registers P1 and P2 into register P3: 0 if either is false, NULL if
     * either is NULL, 1 otherwise.
     */
    public static final int AND = 45;

    /**
     * {@code Or P1 P2 P3} — synopsis {@code r[P3]=(r[P1] || r[P2])}.
     *
     * <p>Writes the three-valued OR of registers P1 and P2 into register P3: 1 if either is true, NULL if
     * either is NULL, 0 otherwise.
     */
    public static final int OR = 46;

    /**
     * {@code IsTrue P1 P2 P3 P4} — synopsis {@code r[P2] = coalesce(r[P1]==TRUE,P3) ^ P4}.
     *
     * <p>Writes into register P2 whether register P1 is true (1 or 0), P3 if it is NULL; the result is then
     * XORed with P4 (an Integer). Implements IS TRUE, IS FALSE, IS NOT TRUE, IS NOT FALSE.
     */
    public static final int IS_TRUE = 47;

    /**
     * {@code Not P1 P2} — synopsis {@code r[P2]= !r[P1]}.
     *
     * <p>Writes the logical negation of register P1 into register P2; NULL stays NULL.
     */
    public static final int NOT = 48;

    /**
     * {@code BitNot P1 P2} — synopsis {@code r[P2]= ~r[P1]}.
     *
     * <p>Writes the bitwise complement of the integer value of register P1 into register P2; NULL stays NULL.
     */
    public static final int BIT_NOT = 49;

    /**
     * {@code Once P1 P2}
     *
     * <p>Falls through the first time it runs in an execution of the program (since the last reset) and jumps
     * to P2 every later time. Deviation: the flag lives in the VM, not in the P1 operand, so the program stays
     * shareable.
     */
    public static final int ONCE = 50;

    /**
     * {@code If P1 P2 P3}
     *
     * <p>Jumps to P2 when register P1 is true (a non-zero number, or text that converts to one). When it is
     * NULL, jumps if and only if P3 is not zero.
     */
    public static final int IF = 51;

    /**
     * {@code IfNot P1 P2 P3}
     *
     * <p>Jumps to P2 when register P1 is false (zero). When it is NULL, jumps if and only if P3 is not zero.
     */
    public static final int IF_NOT = 52;

    /**
     * {@code IsNull P1 P2} — synopsis {@code if r[P1]==NULL goto P2}.
     *
     * <p>Jumps to P2 when register P1 is NULL.
     */
    public static final int IS_NULL = 53;

    /**
     * {@code NotNull P1 P2} — synopsis {@code if r[P1]!=NULL goto P2}.
     *
     * <p>Jumps to P2 when register P1 is not NULL.
     */
    public static final int NOT_NULL = 54;

    /**
     * {@code IfPos P1 P2 P3} — synopsis {@code r[P1]>0 then r[P1]-=P3, goto P2}.
     *
     * <p>When register P1 holds an integer greater than zero, subtracts P3 from it and jumps to P2.
     */
    public static final int IF_POS = 55;

    /**
     * {@code IfNotZero P1 P2} — synopsis {@code if r[P1]!=0 then r[P1]--, goto P2}.
     *
     * <p>When the integer in register P1 is not zero, decrements it if it is positive and jumps to P2.
     */
    public static final int IF_NOT_ZERO = 56;

    /**
     * {@code DecrJumpZero P1 P2} — synopsis {@code if (--r[P1])==0 goto P2}.
     *
     * <p>Decrements the integer in register P1 and jumps to P2 when the result is zero.
     */
    public static final int DECR_JUMP_ZERO = 57;

    /**
     * {@code IfNullRow P1 P2 P3} — synopsis {@code if P1.nullRow then r[P3]=NULL, goto P2}.
     *
     * <p>When cursor P1 is on its null row (after NullRow, or never positioned), writes NULL into register P3
     * and jumps to P2.
     */
    public static final int IF_NULL_ROW = 58;

    /**
     * {@code Column P1 P2 P3 P4 P5} — synopsis {@code r[P3]=PX cursor P1 column P2}.
     *
     * <p>Writes column P2 (0-based) of the current row of cursor P1 into register P3. A record shorter than
     * P2+1 columns gives the default P4 (a value object: Long, Double, String or byte[]; NULL when P4 is
     * null). A cursor on its null row gives NULL. For an index cursor the columns are the key fields followed
     * by the rowid.
     */
    public static final int COLUMN = 59;

    /**
     * {@code Affinity P1 P2 P4} — synopsis {@code affinity(r[P1@P2])}.
     *
     * <p>Applies to the P2 registers starting at P1 the affinities given by the characters of the String P4,
     * one per register.
     */
    public static final int AFFINITY = 60;

    /**
     * {@code MakeRecord P1 P2 P3 P4} — synopsis {@code r[P3]=mkrec(r[P1@P2])}.
     *
     * <p>Builds a record in SQLite's format from the P2 registers starting at P1 and writes it as a blob into
     * register P3. When P4 (a String of affinity characters) is given, each register first receives its
     * affinity. As in SQLite, a value given REAL affinity (here or by Affinity) that is integral and within
     * 48 bits is stored with an integer serial type (MEM_IntReal); RealAffinity after Column makes it REAL.
     */
    public static final int MAKE_RECORD = 61;

    /**
     * {@code Count P1 P2} — synopsis {@code r[P2]=count()}.
     *
     * <p>Writes the number of entries of the b-tree of cursor P1 into register P2.
     */
    public static final int COUNT = 62;

    /**
     * {@code AutoCommit P1 P2}
     *
     * <p>Sets the connection's autocommit mode to P1 and halts: BEGIN is AutoCommit 0 0, COMMIT is AutoCommit
     * 1 0 (commits the open transaction; the statement reports IO until it is durable), ROLLBACK is AutoCommit
     * 1 1. Errors are SQLite's: "cannot start a transaction within a transaction", "cannot commit - no
     * transaction is active", "cannot rollback - no transaction is active".
     */
    public static final int AUTO_COMMIT = 63;

    /**
     * {@code Transaction P1 P2 P3 P4 P5}
     *
     * <p>Starts a read (P2=0) or write (P2=1 or 2) transaction on database P1 unless one is already open. A
     * write statement inside an explicit transaction, or while another statement of the connection is writing,
     * also opens its statement savepoint here, undone if the statement fails (otherwise the statement is the
     * whole transaction and a failure rolls that back). When P5 is not zero, the schema cookie must equal P3,
     * otherwise the statement fails with SQLITE_SCHEMA "database schema has changed"; so it does when P4 (an
     * Integer, on main's Transaction) is not the connection's schema version. As SQLite, a statement has one
     * Transaction per database it uses (P1 0 main, 1 temp; the TEMP database is opened on first use). Deviation:
     * P4 (SQLite's schema generation counter) counts the TEMP schema's rebuilds and ROLLBACK TO expiries, since a
     * TEMP trigger or view can change a program that opens no cursor on the TEMP database.
     */
    public static final int TRANSACTION = 64;

    /**
     * {@code ReadCookie P1 P2 P3}
     *
     * <p>Writes the header field P3 of database P1 into register P2 (1 schema version, 6 user version, 8
     * application id). A read transaction must be open.
     */
    public static final int READ_COOKIE = 65;

    /**
     * {@code SetCookie P1 P2 P3}
     *
     * <p>Writes the integer P3 into header field P2 of database P1 (numbered as for ReadCookie). A write
     * transaction must be open. Setting the schema version makes other connections' prepared statements stale.
     */
    public static final int SET_COOKIE = 66;

    /**
     * {@code OpenRead P1 P2 P3 P4 P5} — synopsis {@code root=P2 iDb=P3}.
     *
     * <p>Opens read cursor P1 on the b-tree whose root page is P2 in database P3. P4 is a KeyInfo for an
     * index, or an Integer (the number of columns) for a table. When P5 has OPFLAG_P2ISREG (0x02) the root
     * page number is in register P2.
     *
     * <p>Deviation: P4 may be a {@link WithoutRowid}, for the b-tree of a WITHOUT ROWID table or of one of its
     * indexes. On such a cursor Rowid, IdxRowid, SeekRowid, NotExists, DeferredSeek, Insert, IdxInsert and
     * IdxDelete take the record of the row's PRIMARY KEY values where a rowid table has the rowid (SQLite
     * codes PRIMARY KEY registers instead); see {@link WithoutRowidOps}.
     */
    public static final int OPEN_READ = 67;

    /**
     * {@code OpenWrite P1 P2 P3 P4 P5} — synopsis {@code root=P2 iDb=P3}.
     *
     * <p>Opens a read/write cursor P1; operands as for OpenRead. A write transaction must be open.
     */
    public static final int OPEN_WRITE = 68;

    /**
     * {@code OpenEphemeral P1 P2 P3 P4} — synopsis {@code nColumn=P2}.
     *
     * <p>Opens cursor P1 on a new, empty, in-memory table of P2 columns that vanishes when the cursor closes.
     * With a KeyInfo P4 it is an index (records ordered by the KeyInfo, duplicates of a whole record kept
     * once); otherwise a table keyed by rowid. If the cursor is already open it is emptied.
     */
    public static final int OPEN_EPHEMERAL = 69;

    /**
     * {@code SorterOpen P1 P2 P3 P4} — synopsis {@code nColumn=P2}.
     *
     * <p>Opens sorter cursor P1: records of P2 columns are collected by SorterInsert and sorted by SorterSort
     * in the order of the KeyInfo P4.
     */
    public static final int SORTER_OPEN = 70;

    /**
     * {@code OpenPseudo P1 P2 P3} — synopsis {@code P3 columns in r[P2]}.
     *
     * <p>Opens pseudo-cursor P1 whose single row is the record held in register P2, with P3 columns; Column
     * reads it afresh each time. Skerry extension: with an integer P4, the row is the P3 registers from P4 on (a
     * table-valued function's row, computed there): Column copies them, keeping the values' subtypes.
     */
    public static final int OPEN_PSEUDO = 71;

    /**
     * {@code Close P1}
     *
     * <p>Closes cursor P1 (an unopened cursor is fine).
     */
    public static final int CLOSE = 72;

    /**
     * {@code SeekLT P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Positions cursor P1 on the last entry less than the key, or jumps to P2 if there is none. For a table
     * the key is the rowid in register P3 (P4 is 1); for an index it is the P4 registers from P3, compared as
     * a prefix with the KeyInfo.
     */
    public static final int SEEK_LT = 73;

    /**
     * {@code SeekLE P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Positions cursor P1 on the last entry less than or equal to the key (entries whose first P4 fields
     * equal the key count as equal), or jumps to P2 if there is none. Operands as for SeekLT.
     */
    public static final int SEEK_LE = 74;

    /**
     * {@code SeekGE P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Positions cursor P1 on the first entry greater than or equal to the key (entries whose first P4
     * fields equal the key count as equal), or jumps to P2 if there is none. Operands as for SeekLT.
     */
    public static final int SEEK_GE = 75;

    /**
     * {@code SeekGT P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Positions cursor P1 on the first entry greater than the key, or jumps to P2 if there is none.
     * Operands as for SeekLT.
     */
    public static final int SEEK_GT = 76;

    /**
     * {@code NoConflict P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Jumps to P2 when any of the key registers is NULL or when index cursor P1 has no entry whose prefix
     * equals the key; otherwise the cursor is left on the matching entry. The key is the P4 registers from P3,
     * or when P4 is 0 the record blob in register P3.
     */
    public static final int NO_CONFLICT = 77;

    /**
     * {@code NotFound P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Jumps to P2 when index cursor P1 has no entry whose prefix equals the key; otherwise leaves the
     * cursor on it. Key as for NoConflict.
     */
    public static final int NOT_FOUND = 78;

    /**
     * {@code Found P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Jumps to P2 when index cursor P1 has an entry whose prefix equals the key, leaving the cursor on it.
     * Key as for NoConflict.
     */
    public static final int FOUND = 79;

    /**
     * {@code SeekRowid P1 P2 P3} — synopsis {@code intkey=r[P3]}.
     *
     * <p>Positions table cursor P1 on the row whose rowid is register P3, or jumps to P2 when there is none or
     * when register P3 does not hold (after numeric affinity) an integer.
     */
    public static final int SEEK_ROWID = 80;

    /**
     * {@code NotExists P1 P2 P3} — synopsis {@code intkey=r[P3]}.
     *
     * <p>Positions table cursor P1 on the row whose rowid is the integer in register P3, or jumps to P2 when
     * there is none.
     */
    public static final int NOT_EXISTS = 81;

    /**
     * {@code Sequence P1 P2} — synopsis {@code r[P2]=cursor[P1].ctr++}.
     *
     * <p>Writes the sequence counter of cursor P1 into register P2 and increments it.
     */
    public static final int SEQUENCE = 82;

    /**
     * {@code NewRowid P1 P2 P3} — synopsis {@code r[P2]=rowid}.
     *
     * <p>Writes into register P2 a rowid not used in table cursor P1: one more than the largest, or when the
     * largest is 9223372036854775807 an unused random one (SQLITE_FULL "database or disk is full" after 100
     * tries). When P3 is not 0 it is the register of an AUTOINCREMENT table's largest rowid ever used: the
     * new rowid is then also larger than it, it is set to the new rowid, and SQLITE_FULL is raised when either
     * the table's largest rowid or it is 9223372036854775807 (no random rowid).
     */
    public static final int NEW_ROWID = 83;

    /**
     * {@code Insert P1 P2 P3 P4 P5} — synopsis {@code intkey=r[P3] data=r[P2]}.
     *
     * <p>Writes the record in register P2 with rowid register P3 into table cursor P1, replacing a row with
     * that rowid. P5 flags: OPFLAG_NCHANGE (0x01) counts the row in changes(), OPFLAG_LASTROWID (0x20) sets
     * last_insert_rowid(). P4 is the table name.
     */
    public static final int INSERT = 84;

    /**
     * {@code Delete P1 P2 P3 P4 P5}
     *
     * <p>Deletes the entry cursor P1 is on; the cursor is left so that Next gives the entry that followed.
     * When P2 has OPFLAG_NCHANGE (0x01) the row counts in changes().
     */
    public static final int DELETE = 85;

    /**
     * {@code ResetCount}
     *
     * <p>Makes the changes counted so far by this statement the connection's changes() value and starts
     * counting again from zero.
     */
    public static final int RESET_COUNT = 86;

    /**
     * {@code SorterCompare P1 P2 P3 P4} — synopsis {@code if key(P1)!=trim(r[P3],P4) goto P2}.
     *
     * <p>Jumps to P2 when the first P4 fields of the current sorter record of cursor P1 differ from the first
     * P4 fields of the record in register P3. A NULL among those fields of r[P3] counts as a difference (as
     * in SQLite's sorter, so that a UNIQUE index built by CREATE INDEX accepts repeated NULLs).
     */
    public static final int SORTER_COMPARE = 87;

    /**
     * {@code SorterData P1 P2 P3} — synopsis {@code r[P2]=data}.
     *
     * <p>Writes the current record of sorter cursor P1 into register P2 and invalidates the cached row of
     * pseudo-cursor P3.
     */
    public static final int SORTER_DATA = 88;

    /**
     * {@code RowData P1 P2} — synopsis {@code r[P2]=data}.
     *
     * <p>Writes the whole record (table payload or index key) at cursor P1 into register P2 as a blob.
     */
    public static final int ROW_DATA = 89;

    /**
     * {@code Rowid P1 P2} — synopsis {@code r[P2]=PX rowid of P1}.
     *
     * <p>Writes the rowid of the row of cursor P1 into register P2 (NULL on the null row). For an index cursor
     * it is the rowid at the end of the key.
     */
    public static final int ROWID = 90;

    /**
     * {@code NullRow P1}
     *
     * <p>Puts cursor P1 on a null row: every column and the rowid read as NULL until it moves.
     */
    public static final int NULL_ROW = 91;

    /**
     * {@code Last P1 P2}
     *
     * <p>Positions cursor P1 on its last entry, or jumps to P2 if it is empty.
     */
    public static final int LAST = 92;

    /**
     * {@code SorterSort P1 P2}
     *
     * <p>Sorts the records of sorter cursor P1 and positions it on the first, or jumps to P2 when there are
     * none.
     */
    public static final int SORTER_SORT = 93;

    /**
     * {@code Rewind P1 P2}
     *
     * <p>Positions cursor P1 on its first entry, or jumps to P2 if it is empty.
     */
    public static final int REWIND = 94;

    /**
     * {@code SorterNext P1 P2}
     *
     * <p>Advances sorter cursor P1 and jumps to P2 if it is on a record.
     */
    public static final int SORTER_NEXT = 95;

    /**
     * {@code Prev P1 P2 P3 P4 P5}
     *
     * <p>Moves cursor P1 to the previous entry and jumps to P2 if there is one; otherwise falls through (the
     * cursor is then invalid).
     */
    public static final int PREV = 96;

    /**
     * {@code Next P1 P2 P3 P4 P5}
     *
     * <p>Moves cursor P1 to the next entry and jumps to P2 if there is one; otherwise falls through (the
     * cursor is then invalid).
     */
    public static final int NEXT = 97;

    /**
     * {@code IdxInsert P1 P2 P3 P4 P5} — synopsis {@code key=r[P2]}.
     *
     * <p>Inserts the index key record in register P2 into index cursor P1 (an ephemeral index keeps one copy
     * of equal records). P3 and P4 (the unpacked key) are accepted and unused.
     */
    public static final int IDX_INSERT = 98;

    /**
     * {@code SorterInsert P1 P2} — synopsis {@code key=r[P2]}.
     *
     * <p>Adds the record in register P2 to sorter cursor P1.
     */
    public static final int SORTER_INSERT = 99;

    /**
     * {@code IdxDelete P1 P2 P3} — synopsis {@code key=r[P2@P3]}.
     *
     * <p>Deletes from index cursor P1 the entry whose key equals the P3 registers starting at P2 (nothing
     * happens when there is none).
     */
    public static final int IDX_DELETE = 100;

    /**
     * {@code DeferredSeek P1 P2 P3 P4} — synopsis {@code Move P3 to P1.rowid if needed}.
     *
     * <p>Positions table cursor P3 on the row whose rowid ends the current entry of index cursor P1.
     * Deviation: SQLite defers the seek until a column is read; Skerry seeks at once.
     */
    public static final int DEFERRED_SEEK = 101;

    /**
     * {@code IdxRowid P1 P2} — synopsis {@code r[P2]=rowid}.
     *
     * <p>Writes the rowid at the end of the current entry of index cursor P1 into register P2.
     */
    public static final int IDX_ROWID = 102;

    /**
     * {@code IdxLE P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Jumps to P2 when the current entry of index cursor P1, compared on its first P4 fields (the rowid
     * ignored), is less than or equal to the key in the P4 registers starting at P3.
     */
    public static final int IDX_LE = 103;

    /**
     * {@code IdxGT P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Jumps to P2 when the current entry of index cursor P1, compared on its first P4 fields, is greater
     * than the key.
     */
    public static final int IDX_GT = 104;

    /**
     * {@code IdxLT P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Jumps to P2 when the current entry of index cursor P1, compared on its first P4 fields, is less than
     * the key.
     */
    public static final int IDX_LT = 105;

    /**
     * {@code IdxGE P1 P2 P3 P4} — synopsis {@code key=r[P3@P4]}.
     *
     * <p>Jumps to P2 when the current entry of index cursor P1, compared on its first P4 fields, is greater
     * than or equal to the key.
     */
    public static final int IDX_GE = 106;

    /**
     * {@code Destroy P1 P2 P3}
     *
     * <p>Deletes the b-tree whose root page is P1 in database P3 and writes into register P2 the page number
     * of a root page moved to fill the gap (always 0: Skerry has no auto-vacuum).
     */
    public static final int DESTROY = 107;

    /**
     * {@code Clear P1 P2 P3}
     *
     * <p>Deletes every entry of the b-tree whose root page is P1 in database P2; when P3 is not zero the
     * number of deleted table rows is added to changes(). P4, when given, is the KeyInfo of an index b-tree
     * whose entries are the rows counted (a WITHOUT ROWID table's).
     */
    public static final int CLEAR = 108;

    /**
     * {@code CreateBtree P1 P2 P3} — synopsis {@code r[P2]=root iDb=P1 flags=P3}.
     *
     * <p>Creates an empty b-tree in database P1 and writes its root page number into register P2: a table when
     * P3 is 1 (BTREE_INTKEY), an index when P3 is 2 (BTREE_BLOBKEY).
     */
    public static final int CREATE_BTREE = 109;

    /**
     * {@code ParseSchema P1 P4}
     *
     * <p>Reloads the schema of database P1 from sqlite_schema after a statement changed it. Deviation: P4
     * (SQLite's WHERE clause selecting the new rows) is not used; the whole schema of database P1 is read again.
     */
    public static final int PARSE_SCHEMA = 110;

    /**
     * {@code OffsetLimit P1 P2 P3} — synopsis {@code if r[P1]>0 then r[P2]=r[P1]+max(0,r[P3]) else r[P2]=(-1)}.
     *
     * <p>Computes the counter for LIMIT with OFFSET: register P1 is the limit, P3 the offset; register P2
     * receives limit + offset, or -1 when there is no limit.
     */
    public static final int OFFSET_LIMIT = 111;

    /**
     * {@code Function P1 P2 P3 P4 P5} — synopsis {@code r[P3]=func(r[P2@P5])}.
     *
     * <p>Calls the scalar function P4 with the P5 arguments in registers P2 onwards and writes its result into
     * register P3. Deviation: SQLite keeps the argument count in P4's context; Skerry keeps it in P5. P1 (the
     * constant-argument mask) is accepted and unused.
     */
    public static final int FUNCTION = 112;

    /**
     * {@code AggStep P1 P2 P3 P4 P5} — synopsis {@code accum=r[P3] step(r[P2@P5])}.
     *
     * <p>Calls the step function of the aggregate P4 with the P5 arguments in registers P2 onwards; the
     * aggregate's state lives in register P3 (NULL before the first step). P1 is 0 (SQLite's inverse step for
     * windows is not provided).
     */
    public static final int AGG_STEP = 113;

    /**
     * {@code AggFinal P1 P2 P4} — synopsis {@code accum=r[P1] N=P2}.
     *
     * <p>Calls the final function of the aggregate P4 whose state is in register P1 and replaces the state
     * with the result. P2 is the number of arguments the steps took.
     */
    public static final int AGG_FINAL = 114;

    /**
     * {@code AggValue P1 P2 P3 P4} — synopsis {@code r[P3]=value N=P2}.
     *
     * <p>Writes the current value of the aggregate P4 whose state is in register P1 into register P3, leaving
     * the state in place. P2 is the number of arguments the steps took. Deviation: not implemented (no program
     * uses it: window aggregates are computed by Window), so it fails with SQLITE_INTERNAL.
     */
    public static final int AGG_VALUE = 115;

    /**
     * {@code Noop}
     *
     * <p>Does nothing.
     */
    public static final int NOOP = 116;

    /**
     * {@code Explain P1 P2 P3 P4}
     *
     * <p>Does nothing when run; describes one line of EXPLAIN QUERY PLAN: P1 its id, P2 its parent's id, P4
     * the text.
     */
    public static final int EXPLAIN = 117;

    /**
     * {@code CollSeq P1 P4}
     *
     * <p>Names the collation P4 (a Collation) that the next Function or AggStep passes to its function (min,
     * max, nullif and friends compare with it). When P1 is not zero, register P1 is set to 0 here, and to 1 by
     * the following AggStep when its aggregate reports that the row did not change the chosen row (min/max:
     * the bare columns of the row that set the extreme are then not reloaded).
     */
    public static final int COLL_SEQ = 118;

    /**
     * {@code DropTable P1 P4}
     *
     * <p>Removes the table named P4 (a String) and its indexes from the in-memory schema of database P1 (the
     * b-trees and the sqlite_schema rows are removed by other instructions).
     */
    public static final int DROP_TABLE = 119;

    /**
     * {@code DropIndex P1 P4}
     *
     * <p>Removes the index named P4 (a String) from the in-memory schema of database P1.
     */
    public static final int DROP_INDEX = 120;

    /**
     * {@code Savepoint P1 P4}
     *
     * <p>SAVEPOINT (P1 0), RELEASE (P1 1) or ROLLBACK TO (P1 2) the savepoint named P4 (a String). SAVEPOINT
     * outside a transaction starts one, and releasing that outermost savepoint commits it (the statement then
     * halts; it reports IO until the commit is durable). RELEASE closes the named savepoint and every newer
     * one; ROLLBACK TO undoes the changes made since the named savepoint began, closes the newer ones and
     * keeps it open. An unknown name fails with "no such savepoint: NAME". A savepoint taken before the
     * transaction first writes begins when it does (nothing can have changed before).
     */
    public static final int SAVEPOINT = 121;

    /**
     * {@code Program P1 P2 P4 P5}
     *
     * <p>Runs the trigger program P4 (a SubProgram) in a new frame of registers and cursors; its Param
     * instructions read the caller's registers from P1 on (the OLD and NEW rows). When the trigger ends with
     * RAISE(IGNORE), execution continues at P2, else at the next instruction. {@code last_insert_rowid()} and
     * {@code changes()} are restored when the trigger ends. More than 1000 nested frames fail with "too many
     * levels of trigger recursion". P5 bit 1 (PROGRAM_NOT_RECURSIVE): the trigger does not run when a frame of
     * the same trigger is already running. Deviation: SQLite decides at compile time whether recursive triggers
     * are enabled; Skerry reads the connection's flag here, so bit 1 applies only while it is clear, and P5 bit
     * 2 (PROGRAM_ONLY_RECURSIVE, the DELETE triggers of rows REPLACE removes) runs the trigger only while it is
     * set. P3 (SQLite's frame register) is unused.
     */
    public static final int PROGRAM = 122;

    /**
     * {@code Param P1 P2}
     *
     * <p>In a trigger program: copies register P1 + (the caller's Program P1) of the calling frame into
     * register P2.
     */
    public static final int PARAM = 123;

    /**
     * {@code DropTrigger P1 P4}
     *
     * <p>Removes the trigger named P4 (a String) from the in-memory schema of database P1. The translator does not
     * emit it: a dropped trigger is forgotten by the ParseSchema that follows the deletion of its sqlite_schema row.
     */
    public static final int DROP_TRIGGER = 124;

    /**
     * {@code Pagecount P1 P2}
     *
     * <p>Writes the number of pages of database P1 into register P2 (pages allocated by the open write
     * transaction included).
     */
    public static final int PAGECOUNT = 125;

    /**
     * {@code MaxPgcnt P1 P2 P3}
     *
     * <p>Sets the largest number of pages database P1 may grow to to P3, never below its current size; P3 0
     * leaves it unchanged. Writes the limit in force afterwards into register P2. Growing past it fails with
     * SQLITE_FULL.
     */
    public static final int MAX_PGCNT = 126;

    /**
     * {@code IntegrityCk P1 P2 P3 P4}
     *
     * <p>Checks database P3 as P4 (an {@code IntegrityCheck.Plan}) says, then hands out one problem per
     * execution: its text into register P1, or, when none is left, a jump to P2. The first execution checks
     * the freelist, every b-tree the plan lists page by page and that every page is used once (all these
     * problems make the first row, after {@code *** in database main ***}), then the rows: NOT NULL columns,
     * and unless the plan is a {@code quick_check}'s, each row's entry in each index, duplicates in UNIQUE
     * indexes and each index's entry count (one row per problem). At most the plan's limit of problems is
     * reported. Deviation: SQLite's IntegrityCk checks only the b-trees and leaves its message in a register;
     * the row checks are bytecode of its own (which also checks CHECK constraints, which Skerry does not).
     */
    public static final int INTEGRITY_CK = 127;

    /**
     * {@code Checkpoint P1 P2 P3}
     *
     * <p>Checkpoints the write-ahead log of database P1 in mode P2 (0 PASSIVE, 1 FULL, 2 RESTART, 3
     * TRUNCATE): every committed frame is copied into the database file and the log is emptied. Writes 0
     * (not busy) into register P3, then into P3+1 and P3+2 the frames the log held and the frames
     * checkpointed (both 0 in TRUNCATE mode, which leaves the log empty). Deviation: every mode copies the
     * whole log and empties it, as one connection per file cannot be blocked by readers; outside WAL the
     * answer is SQLite's 0, -1, -1 only when no log is open.
     */
    public static final int CHECKPOINT = 128;

    /**
     * {@code Window P1 P2 P3 P4} — synopsis {@code window functions of partition P1}.
     *
     * <p>Computes the window functions described by P4 (a {@code WindowSpec}) for every row of the partition
     * held in the ephemeral table P1 (rows in window order), writing each value into its field of the row's
     * record. Registers P2 and P3 hold the frame's starting and ending offsets (0 when the frame has none).
     * Deviation: SQLite has no such opcode; it walks the partition with several cursors and computes frames
     * with AggStep, AggInverse and AggValue. Skerry does that walk inside this instruction.
     */
    public static final int WINDOW = 129;

    /**
     * {@code MemMax P1 P2} — synopsis {@code r[P1]=max(r[P1],r[P2])}.
     *
     * <p>Register P1 (made an integer first) becomes the larger of itself and register P2's integer value:
     * an AUTOINCREMENT table's largest rowid ever used, after an insert with a given rowid.
     */
    public static final int MEM_MAX = 130;

    /**
     * {@code RowSetAdd P1 P2} — synopsis {@code rowset(P1)=r[P2]}.
     *
     * <p>Adds the integer in register P2 to the RowSet held by register P1 (which becomes one if it is not).
     */
    public static final int ROW_SET_ADD = 131;

    /**
     * {@code RowSetRead P1 P2 P3} — synopsis {@code r[P3]=rowset(P1)}.
     *
     * <p>Takes the smallest value out of the RowSet in register P1 into register P3; jumps to P2 when the set
     * is empty (or P1 holds none), leaving P1 NULL.
     */
    public static final int ROW_SET_READ = 132;

    /**
     * {@code RowSetTest P1 P2 P3 P4} — synopsis {@code if r[P3] in rowset(P1) goto P2}.
     *
     * <p>Register P3 holds an integer. If the RowSet in register P1 (made one if it is not) holds it, jumps
     * to P2; else inserts it and falls through. The values come in sets numbered by P4 (an Integer): the
     * first set is 0 (nothing is looked for), the last -1 (nothing is inserted), the others positive; a value
     * is only looked for among the sets before its own, none of which may hold a duplicate.
     */
    public static final int ROW_SET_TEST = 133;

    /**
     * {@code TypeCheck P1 P2 P4} — synopsis {@code typecheck(r[P1@P2])}.
     *
     * <p>Checks the P2 registers from P1 (a row of a STRICT table, affinities applied) against the column types
     * in P4 (a {@link TypeCheck}): a value of another type than its column's (NULL, and anything in an ANY
     * column, pass; a REAL column takes an integer) fails with SQLITE_CONSTRAINT_DATATYPE
     * {@code cannot store TEXT value in INTEGER column t.c}. Deviation: SQLite's applies the affinities itself
     * and reads the types from a table in P4; Skerry's caller emits Affinity first.
     */
    public static final int TYPE_CHECK = 134;

    /**
     * {@code FkCounter P1 P2} — synopsis {@code fkctr[P1]+=P2}.
     *
     * <p>Adds P2 (positive or negative) to a foreign key constraint counter: with P1 0 the statement's counter of
     * immediate constraint violations, checked when the statement halts (a statement ending with a count
     * above zero fails with {@code FOREIGN KEY constraint failed}); with P1 not 0 the connection's counter of
     * deferred violations, checked at COMMIT. While {@code PRAGMA defer_foreign_keys} is on, every change goes
     * to the connection's counter of immediate violations deferred to COMMIT (SQLite's
     * {@code nDeferredImmCons}).
     */
    public static final int FK_COUNTER = 135;

    /**
     * {@code FkIfZero P1 P2} — synopsis {@code if fkctr[P1]==0 goto P2}.
     *
     * <p>With P1 not 0: jumps to P2 when the connection's deferred counters (deferred constraints and
     * immediate ones deferred by {@code PRAGMA defer_foreign_keys}) are both zero. With P1 0: jumps when the
     * statement's counter and the connection's deferred-immediate counter are zero. Used to skip the search for
     * violations a change might resolve when none is outstanding.
     */
    public static final int FK_IF_ZERO = 136;

    /**
     * {@code Vacuum P1 P2 P3 P4}
     *
     * <p>Rebuilds database P1 (0 main, 2 and up an attached one) without free pages: with P2 0 in place (in the statement's write
     * transaction, committed by its Halt; the schema is then read again by a following ParseSchema), else into
     * the file named by register P2 (which must hold text: "non-text filename"; opened through main's VFS),
     * written with page size P3 (0, or an attached in-memory database: the database's). P4 is the {@code vacuum.VacuumPlan}. Fails with "cannot VACUUM from within a
     * transaction" outside autocommit mode and "cannot VACUUM - SQL statements in progress" while another
     * statement of the connection runs. Deviation: SQLite's VACUUM starts its own transaction; Skerry's program
     * opens it in its prologue (write for VACUUM, read for VACUUM INTO).
     */
    public static final int VACUUM = 137;

    /**
     * {@code PureFunc P1 P2 P3 P4 P5} — synopsis {@code r[P3]=func(r[P2@P5])}.
     *
     * <p>Function for a call in an index expression, a partial index's WHERE, a CHECK constraint or a generated
     * column: a date/time function that would read the clock or the time zone ('now', 'localtime', 'utc')
     * fails with {@code non-deterministic use of f() in an index} (… {@code a CHECK constraint}, {@code a
     * generated column}). Deviation: SQLite keeps the kind of place in P5 (NC_ flags); Skerry keeps the
     * argument count in P5 (as Function) and the place in P1 ({@link #PURE_INDEX}, {@link #PURE_CHECK},
     * {@link #PURE_GENCOL}).
     */
    public static final int PURE_FUNC = 138;

    /**
     * {@code Attach P1 P2} — synopsis {@code attach r[P1] as r[P2]}.
     *
     * <p>ATTACH: opens the database file named by the text of register P1 ({@code ''} or {@code ':memory:'}: a new
     * database in memory) through the connection's VFS and adds it, with its schema, as the next database under
     * the name in register P2 ({@link AttachedDatabases}); every prepared statement is compiled again before it
     * next runs. SQLite's errors ({@code database X is already in use}, {@code too many attached databases - max
     * 10}). Deviation: SQLite codes ATTACH as a {@code Function} call of its internal {@code sqlite_attach()}; the
     * file is opened here so that the open may wait for I/O (the opcode is re-run until the file is open).
     */
    public static final int ATTACH = 139;

    /**
     * {@code Detach P1} — synopsis {@code detach r[P1]}.
     *
     * <p>DETACH: closes the attached database named by the text of register P1 and removes it (later databases
     * move down one index); SQLite's errors ({@code no such database: X}, {@code cannot detach database main},
     * {@code database X is locked} while a transaction holds it). Deviation: SQLite calls its internal
     * {@code sqlite_detach()} with {@code Function}.
     */
    public static final int DETACH = 140;

    /**
     * {@code OpenDup P1 P2}.
     *
     * <p>Opens cursor P1 on the ephemeral table that cursor P2 holds: the same rows (a row P2 adds is seen by
     * P1), its own position. A MATERIALIZED CTE named several times is filled once and each use reads it
     * through its own cursor. Deviation: only an ephemeral table (no KeyInfo) can be duplicated, which is all
     * Skerry's CTE materialization opens.
     */
    public static final int OPEN_DUP = 141;

    /**
     * {@code GetSubtype P1 P2} — synopsis {@code r[P2] = r[P1].subtype}.
     *
     * <p>Writes the subtype of register P1 into register P2 as an integer, or NULL when P1 has none. A window
     * function's arguments travel to the Window instruction through sorter and buffer records, which keep no
     * subtypes; each argument that can carry one (a JSON value from {@code json_object()}, {@code ->}, …) has its
     * subtype stored beside it this way, and the Window instruction puts it back before stepping the function.
     * Deviation: SQLite puts it back with {@code SetSubtype}; Skerry steps window functions inside the Window
     * instruction, which restores the subtypes itself.
     */
    public static final int GET_SUBTYPE = 142;

    /**
     * {@code SetSubtype P1 P2} — synopsis {@code r[P2].subtype = r[P1]}.
     *
     * <p>Gives register P2 the subtype held as an integer in register P1, or none when P1 is NULL. A window
     * function's value (the JSON of {@code json_group_array()}, a {@code first_value()} of JSON) reaches the query's
     * result through a record, which keeps no subtype; the Window instruction stores each value's subtype beside it,
     * and this puts it back where the result reads the value.
     */
    public static final int SET_SUBTYPE = 143;

    /** The number of opcodes; every opcode is in {@code [0, NUM_OPCODES)}. */
    public static final int NUM_OPCODES = 144;

    // PureFunc P1: the place of the call, as SQLite's message names it.
    /** PureFunc P1: an index expression or a partial index's WHERE ("an index"). */
    public static final int PURE_INDEX = 1;
    /** PureFunc P1: a CHECK constraint. */
    public static final int PURE_CHECK = 2;
    /** PureFunc P1: a generated column. */
    public static final int PURE_GENCOL = 3;

    private static final String[] NAMES = {
        "Init",
        "Goto",
        "Gosub",
        "Return",
        "InitCoroutine",
        "EndCoroutine",
        "Yield",
        "HaltIfNull",
        "Halt",
        "Integer",
        "Int64",
        "Real",
        "String8",
        "Null",
        "Blob",
        "Variable",
        "Move",
        "Copy",
        "SCopy",
        "IntCopy",
        "ResultRow",
        "Concat",
        "Add",
        "Subtract",
        "Multiply",
        "Divide",
        "Remainder",
        "BitAnd",
        "BitOr",
        "ShiftLeft",
        "ShiftRight",
        "AddImm",
        "MustBeInt",
        "RealAffinity",
        "Cast",
        "Eq",
        "Ne",
        "Lt",
        "Le",
        "Gt",
        "Ge",
        "ElseEq",
        "Permutation",
        "Compare",
        "Jump",
        "And",
        "Or",
        "IsTrue",
        "Not",
        "BitNot",
        "Once",
        "If",
        "IfNot",
        "IsNull",
        "NotNull",
        "IfPos",
        "IfNotZero",
        "DecrJumpZero",
        "IfNullRow",
        "Column",
        "Affinity",
        "MakeRecord",
        "Count",
        "AutoCommit",
        "Transaction",
        "ReadCookie",
        "SetCookie",
        "OpenRead",
        "OpenWrite",
        "OpenEphemeral",
        "SorterOpen",
        "OpenPseudo",
        "Close",
        "SeekLT",
        "SeekLE",
        "SeekGE",
        "SeekGT",
        "NoConflict",
        "NotFound",
        "Found",
        "SeekRowid",
        "NotExists",
        "Sequence",
        "NewRowid",
        "Insert",
        "Delete",
        "ResetCount",
        "SorterCompare",
        "SorterData",
        "RowData",
        "Rowid",
        "NullRow",
        "Last",
        "SorterSort",
        "Rewind",
        "SorterNext",
        "Prev",
        "Next",
        "IdxInsert",
        "SorterInsert",
        "IdxDelete",
        "DeferredSeek",
        "IdxRowid",
        "IdxLE",
        "IdxGT",
        "IdxLT",
        "IdxGE",
        "Destroy",
        "Clear",
        "CreateBtree",
        "ParseSchema",
        "OffsetLimit",
        "Function",
        "AggStep",
        "AggFinal",
        "AggValue",
        "Noop",
        "Explain",
        "CollSeq",
        "DropTable",
        "DropIndex",
        "Savepoint",
        "Program",
        "Param",
        "DropTrigger",
        "Pagecount",
        "MaxPgcnt",
        "IntegrityCk",
        "Checkpoint",
        "Window",
        "MemMax",
        "RowSetAdd",
        "RowSetRead",
        "RowSetTest",
        "TypeCheck",
        "FkCounter",
        "FkIfZero",
        "Vacuum",
        "PureFunc",
        "Attach",
        "Detach",
        "OpenDup",
        "GetSubtype",
        "SetSubtype",
    };

    private static final String[] SYNOPSES = {
        "Start at P2",
        null,
        null,
        null,
        null,
        null,
        null,
        "if r[P3]=null halt",
        null,
        "r[P2]=P1",
        "r[P2]=P4",
        "r[P2]=P4",
        "r[P2]='P4'",
        "r[P2..P3]=NULL",
        "r[P2]=P4 (len=P1)",
        "r[P2]=parameter(P1,P4)",
        "r[P2@P3]=r[P1@P3]",
        "r[P2@P3+1]=r[P1@P3+1]",
        "r[P2]=r[P1]",
        "r[P2]=r[P1]",
        "output=r[P1@P2]",
        "r[P3]=r[P2]+r[P1]",
        "r[P3]=r[P1]+r[P2]",
        "r[P3]=r[P2]-r[P1]",
        "r[P3]=r[P1]*r[P2]",
        "r[P3]=r[P2]/r[P1]",
        "r[P3]=r[P2]%r[P1]",
        "r[P3]=r[P1]&r[P2]",
        "r[P3]=r[P1]|r[P2]",
        "r[P3]=r[P2]<<r[P1]",
        "r[P3]=r[P2]>>r[P1]",
        "r[P1]=r[P1]+P2",
        null,
        null,
        "affinity(r[P1])",
        "IF r[P3]==r[P1]",
        "IF r[P3]!=r[P1]",
        "IF r[P3]<r[P1]",
        "IF r[P3]<=r[P1]",
        "IF r[P3]>r[P1]",
        "IF r[P3]>=r[P1]",
        null,
        null,
        "r[P1@P3] <-> r[P2@P3]",
        null,
        "r[P3]=(r[P1] && r[P2])",
        "r[P3]=(r[P1] || r[P2])",
        "r[P2] = coalesce(r[P1]==TRUE,P3) ^ P4",
        "r[P2]= !r[P1]",
        "r[P2]= ~r[P1]",
        null,
        null,
        null,
        "if r[P1]==NULL goto P2",
        "if r[P1]!=NULL goto P2",
        "r[P1]>0 then r[P1]-=P3, goto P2",
        "if r[P1]!=0 then r[P1]--, goto P2",
        "if (--r[P1])==0 goto P2",
        "if P1.nullRow then r[P3]=NULL, goto P2",
        "r[P3]=PX cursor P1 column P2",
        "affinity(r[P1@P2])",
        "r[P3]=mkrec(r[P1@P2])",
        "r[P2]=count()",
        null,
        null,
        null,
        null,
        "root=P2 iDb=P3",
        "root=P2 iDb=P3",
        "nColumn=P2",
        "nColumn=P2",
        "P3 columns in r[P2]",
        null,
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        "intkey=r[P3]",
        "intkey=r[P3]",
        "r[P2]=cursor[P1].ctr++",
        "r[P2]=rowid",
        "intkey=r[P3] data=r[P2]",
        null,
        null,
        "if key(P1)!=trim(r[P3],P4) goto P2",
        "r[P2]=data",
        "r[P2]=data",
        "r[P2]=PX rowid of P1",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "key=r[P2]",
        "key=r[P2]",
        "key=r[P2@P3]",
        "Move P3 to P1.rowid if needed",
        "r[P2]=rowid",
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        "key=r[P3@P4]",
        null,
        null,
        "r[P2]=root iDb=P1 flags=P3",
        null,
        "if r[P1]>0 then r[P2]=r[P1]+max(0,r[P3]) else r[P2]=(-1)",
        "r[P3]=func(r[P2@P5])",
        "accum=r[P3] step(r[P2@P5])",
        "accum=r[P1] N=P2",
        "r[P3]=value N=P2",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "window functions of partition P1",
        "r[P1]=max(r[P1],r[P2])",
        "rowset(P1)=r[P2]",
        "r[P3]=rowset(P1)",
        "if r[P3] in rowset(P1) goto P2",
        "typecheck(r[P1@P2])",
        "fkctr[P1]+=P2",
        "if fkctr[P1]==0 goto P2",
        null,
        "r[P3]=func(r[P2@P5])",
        "attach r[P1] as r[P2]",
        "detach r[P1]",
        null,
        "r[P2] = r[P1].subtype",
        "r[P2].subtype = r[P1]",
    };

    /** Bit {@code 1 << k} set when operand Pk is a jump address. */
    private static final byte[] JUMPS = {
        4, // Init
        4, // Goto
        4, // Gosub
        0, // Return
        12, // InitCoroutine
        0, // EndCoroutine
        4, // Yield
        0, // HaltIfNull
        0, // Halt
        0, // Integer
        0, // Int64
        0, // Real
        0, // String8
        0, // Null
        0, // Blob
        0, // Variable
        0, // Move
        0, // Copy
        0, // SCopy
        0, // IntCopy
        0, // ResultRow
        0, // Concat
        0, // Add
        0, // Subtract
        0, // Multiply
        0, // Divide
        0, // Remainder
        0, // BitAnd
        0, // BitOr
        0, // ShiftLeft
        0, // ShiftRight
        0, // AddImm
        4, // MustBeInt
        0, // RealAffinity
        0, // Cast
        4, // Eq
        4, // Ne
        4, // Lt
        4, // Le
        4, // Gt
        4, // Ge
        4, // ElseEq
        0, // Permutation
        0, // Compare
        14, // Jump
        0, // And
        0, // Or
        0, // IsTrue
        0, // Not
        0, // BitNot
        4, // Once
        4, // If
        4, // IfNot
        4, // IsNull
        4, // NotNull
        4, // IfPos
        4, // IfNotZero
        4, // DecrJumpZero
        4, // IfNullRow
        0, // Column
        0, // Affinity
        0, // MakeRecord
        0, // Count
        0, // AutoCommit
        0, // Transaction
        0, // ReadCookie
        0, // SetCookie
        0, // OpenRead
        0, // OpenWrite
        0, // OpenEphemeral
        0, // SorterOpen
        0, // OpenPseudo
        0, // Close
        4, // SeekLT
        4, // SeekLE
        4, // SeekGE
        4, // SeekGT
        4, // NoConflict
        4, // NotFound
        4, // Found
        4, // SeekRowid
        4, // NotExists
        0, // Sequence
        0, // NewRowid
        0, // Insert
        0, // Delete
        0, // ResetCount
        4, // SorterCompare
        0, // SorterData
        0, // RowData
        0, // Rowid
        0, // NullRow
        4, // Last
        4, // SorterSort
        4, // Rewind
        4, // SorterNext
        4, // Prev
        4, // Next
        0, // IdxInsert
        0, // SorterInsert
        0, // IdxDelete
        0, // DeferredSeek
        0, // IdxRowid
        4, // IdxLE
        4, // IdxGT
        4, // IdxLT
        4, // IdxGE
        0, // Destroy
        0, // Clear
        0, // CreateBtree
        0, // ParseSchema
        0, // OffsetLimit
        0, // Function
        0, // AggStep
        0, // AggFinal
        0, // AggValue
        0, // Noop
        0, // Explain
        0, // CollSeq
        0, // DropTable
        0, // DropIndex
        0, // Savepoint
        4, // Program
        0, // Param
        0, // DropTrigger
        0, // Pagecount
        0, // MaxPgcnt
        4, // IntegrityCk
        0, // Checkpoint
        0, // Window
        0, // MemMax
        0, // RowSetAdd
        4, // RowSetRead
        4, // RowSetTest
        0, // TypeCheck
        0, // FkCounter
        4, // FkIfZero
        0, // Vacuum
        0, // PureFunc
        0, // Attach
        0, // Detach
        0, // OpenDup
        0, // GetSubtype
        0, // SetSubtype
    };

    /** SQLite's name of {@code op}, as EXPLAIN shows it. */
    public static String name(int op) {
        return NAMES[op];
    }

    /** The synopsis of {@code op} (see the class comment), or null when it has none. */
    public static String synopsis(int op) {
        return SYNOPSES[op];
    }

    /** Bit {@code 1 << k} is set when operand Pk of {@code op} is a jump address (k in 1..3). */
    public static int jumpMask(int op) {
        return JUMPS[op];
    }

    /** The opcode named {@code name} (exact case), or -1. */
    public static int byName(String name) {
        for (int op = 0; op < NUM_OPCODES; op++) {
            if (NAMES[op].equals(name)) {
                return op;
            }
        }
        return -1;
    }

    // Halt P2: what an error undoes (SQLite's OE_ values).
    /** Halt P2: roll back the whole transaction. */
    public static final int OE_ROLLBACK = 1;
    /** Halt P2: undo the statement's changes (the default). */
    public static final int OE_ABORT = 2;
    /** Halt P2: keep the statement's changes made so far. */
    public static final int OE_FAIL = 3;

    // Halt P5: the kind of constraint named in the message (SQLite's P5_Constraint* values).
    public static final int P5_CONSTRAINT_NOTNULL = 1;
    public static final int P5_CONSTRAINT_UNIQUE = 2;
    public static final int P5_CONSTRAINT_CHECK = 3;
    public static final int P5_CONSTRAINT_FK = 4;

    // Comparison P5 (Eq … Ge): affinity in the low bits, then flags (SQLite's values).
    /** No affinity: compare as stored. */
    public static final int AFF_NONE = 0x40;
    public static final int AFF_BLOB = 'A';
    public static final int AFF_TEXT = 'B';
    public static final int AFF_NUMERIC = 'C';
    public static final int AFF_INTEGER = 'D';
    public static final int AFF_REAL = 'E';
    /** The bits of a comparison's P5 that hold the affinity. */
    public static final int AFF_MASK = 0x47;
    /** Comparison P5: jump when either operand is NULL. */
    public static final int JUMPIFNULL = 0x10;
    /** Comparison P5: NULL equals NULL (IS / IS NOT). */
    public static final int NULLEQ = 0x80;

    // Insert/Delete flags (SQLite's OPFLAG_ values).
    /** Insert P5 / Delete P2: count the row in changes(). */
    public static final int OPFLAG_NCHANGE = 0x01;
    /** Insert P5: set last_insert_rowid(). */
    public static final int OPFLAG_LASTROWID = 0x20;
    /** OpenRead/OpenWrite P5: the root page number is in register P2. */
    public static final int OPFLAG_P2ISREG = 0x02;
    /** Compare P5: use the permutation of the preceding Permutation. */
    public static final int OPFLAG_PERMUTE = 0x01;

    // Savepoint P1 (SQLite's SAVEPOINT_ values).
    public static final int SAVEPOINT_BEGIN = 0;
    public static final int SAVEPOINT_RELEASE = 1;
    public static final int SAVEPOINT_ROLLBACK = 2;

    // Transaction P2.
    public static final int TXN_READ = 0;
    public static final int TXN_WRITE = 1;
    public static final int TXN_EXCLUSIVE = 2;

    // CreateBtree P3 (SQLite's BTREE_ flags).
    public static final int BTREE_INTKEY = 1;

    // Program P5.
    /** Program P5: do not run the trigger when it is already running (unless recursive triggers are on). */
    public static final int PROGRAM_NOT_RECURSIVE = 1;
    /** Program P5: run the trigger only when recursive triggers are on. */
    public static final int PROGRAM_ONLY_RECURSIVE = 2;
    /** Halt P2 in a trigger program (SQLite's OE_Ignore): RAISE(IGNORE), go to the Program's P2. */
    public static final int OE_IGNORE = 4;
    public static final int BTREE_BLOBKEY = 2;

    // ReadCookie P3 / SetCookie P2: header fields (SQLite's BTREE_ numbers).
    /** ReadCookie only: the number of freelist pages. */
    public static final int BTREE_FREE_PAGE_COUNT = 0;
    public static final int BTREE_SCHEMA_VERSION = 1;
    public static final int BTREE_USER_VERSION = 6;
    public static final int BTREE_APPLICATION_ID = 8;
}
