/**
 * The JavaScript-facing surface of the engine in WebAssembly: static methods exported with
 * {@code @JSExport} from {@link dev.skerry.wasm.Exports}, shaped after SQLite's C API (open, prepare, bind,
 * step, read a row, reset, finalize, close; errors as code plus message) with rows and parameters crossing
 * the boundary in bulk. The JS worker of {@code js-wrapper} is its only intended caller. Everything the
 * exports reach is compiled by TeaVM on every build, which is how the build proves the engine stays within
 * TeaVM's class library.
 */
package dev.skerry.wasm;
