/**
 * The JavaScript-facing surface of the engine in WebAssembly: static methods exported with
 * {@code @JSExport}. Everything the exports reach is compiled by TeaVM on every build, which is how the build
 * proves the engine stays within TeaVM's class library.
 */
package dev.skerry.wasm;
