// The QuickJS WebAssembly module a sandbox runs on, with long strings written into its memory by the host's native
// UTF-8 encoder: Emscripten's JavaScript one spent 0.5 s on the 10,000-note snapshot's 9 M characters.
import {
  type EmscriptenModuleLoader,
  newQuickJSWASMModuleFromVariant,
  type QuickJSEmscriptenModule,
  type QuickJSWASMModule,
  RELEASE_SYNC,
} from 'quickjs-emscripten';

/** Shorter strings (block code, paths, answers) keep Emscripten's encoder: the native one only pays off at length. */
const NATIVE_FROM_CHARS = 4096;

export async function newQuickJSModule(): Promise<QuickJSWASMModule> {
  return newQuickJSWASMModuleFromVariant({
    ...RELEASE_SYNC,
    async importModuleLoader() {
      const load = unwrapDefault(await RELEASE_SYNC.importModuleLoader());
      return async (options) => withNativeStrings(await load(options));
    },
  });
}

type Loader = EmscriptenModuleLoader<QuickJSEmscriptenModule>;

/** An ES module's default export, as the library itself unwraps it (a bundler may nest it once more). */
function unwrapDefault(imported: unknown): Loader {
  let value = imported as { default?: unknown };
  while (typeof value !== 'function' && value?.default) value = value.default as { default?: unknown };
  return value as unknown as Loader;
}

/**
 * The library writes every string it passes in with the module's lengthBytesUTF8 and stringToUTF8. For a well-formed
 * string both encoders write the same bytes; a lone surrogate (which TextEncoder would write as U+FFFD) keeps
 * Emscripten's, as does a call that does not bound the output.
 */
function withNativeStrings(module: QuickJSEmscriptenModule): QuickJSEmscriptenModule {
  const { lengthBytesUTF8, stringToUTF8 } = module;
  const encoder = new TextEncoder();
  const native = (text: string) => text.length >= NATIVE_FROM_CHARS && text.isWellFormed();
  module.lengthBytesUTF8 = (text) => (native(text) ? Buffer.byteLength(text) : lengthBytesUTF8(text));
  module.stringToUTF8 = (text, pointer, maxBytes) => {
    if (maxBytes === undefined || maxBytes < 1 || !native(text)) return stringToUTF8(text, pointer, maxBytes);
    // As Emscripten's: at most maxBytes - 1 bytes of whole characters, then a NUL.
    const { written } = encoder.encodeInto(text, module.HEAPU8.subarray(pointer, pointer + maxBytes - 1));
    module.HEAPU8[pointer + written] = 0;
  };
  return module;
}
