package dev.skerry.engine.translate;

import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.func.FunctionRegistry;

/** {@link Functions} over the values team's {@link FunctionRegistry}: P4 operands are {@link FunctionDef}s. */
final class RegistryFunctions implements Functions {
    private final FunctionRegistry registry;
    /** {@code PRAGMA case_sensitive_like}: {@code like} resolves to the variant comparing letters exactly. */
    private final boolean caseSensitiveLike;

    RegistryFunctions(FunctionRegistry registry, boolean caseSensitiveLike) {
        this.registry = registry;
        this.caseSensitiveLike = caseSensitiveLike;
    }

    @Override
    public Object scalar(String name, int nArg) {
        if (caseSensitiveLike && (nArg == 2 || nArg == 3) && dev.skerry.engine.schema.Names.equal(name, "like")) {
            return FunctionRegistry.caseSensitiveLike(nArg);
        }
        FunctionDef d = registry.find(name, nArg);
        return d != null && !d.isAggregate() ? d : null;
    }

    @Override
    public Object aggregate(String name, int nArg) {
        FunctionDef d = registry.find(name, nArg);
        return d != null && d.isAggregate() ? d : null;
    }

    @Override
    public boolean exists(String name) {
        return registry.exists(name);
    }

    @Override
    public java.util.List<Object[]> functionList() {
        return dev.skerry.engine.func.FunctionList.rows(registry);
    }
}
