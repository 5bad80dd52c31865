package dev.skerry.engine.translate;

import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.func.FunctionRegistry;

/** {@link Functions} over the values team's {@link FunctionRegistry}: P4 operands are {@link FunctionDef}s. */
final class RegistryFunctions implements Functions {
    private final FunctionRegistry registry;

    RegistryFunctions(FunctionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object scalar(String name, int nArg) {
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
}
