/**
 * Compiling and instantiating the run-time-generated WebAssembly modules (wasm-edwards.ts,
 * wasm-ristretto.ts, wasm-msm.ts), with a null fallback wherever WebAssembly or its SIMD
 * instructions are missing, or a browser main thread refuses synchronous compilation.
 */

/** The part of the WebAssembly API used here (the package's TS lib has no WebAssembly types). */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

/**
 * Read once, when this module is loaded: a test that deletes `globalThis.WebAssembly` and then
 * imports a fresh module graph (jest.isolateModulesAsync) gets the fallback throughout.
 */
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** A getter of the module compiled from `bytes()` on its first call (once per thread), or null. */
export function compileOnce(bytes: () => Uint8Array): () => object | null {
  let compiled: object | null | undefined;
  return () => {
    if (compiled === undefined) {
      try {
        compiled = wasmApi ? new wasmApi.Module(bytes()) : null;
      } catch {
        compiled = null; // no SIMD, or a browser main thread refusing synchronous compilation
      }
    }
    return compiled;
  };
}

/** A new instance (its own memory) of a module from {@link compileOnce}; its exports, as `E`. */
export function instantiate<E>(module: object): E {
  return new wasmApi!.Instance(module).exports as E;
}

/**
 * A getter of one instance per thread of the module compiled from `bytes()`, made on the first
 * call and passed through `setup` (e.g. to grow its memory and make views of it); null where
 * compiling, instantiating or `setup` fails.
 */
export function instantiateOnce<T>(
  bytes: () => Uint8Array,
  setup: (exports: unknown) => T = (exports) => exports as T,
): () => T | null {
  const compiled = compileOnce(bytes);
  let instance: T | null | undefined;
  return () => {
    if (instance === undefined) {
      try {
        const module = compiled();
        instance = module ? setup(instantiate(module)) : null;
      } catch {
        instance = null;
      }
    }
    return instance;
  };
}
