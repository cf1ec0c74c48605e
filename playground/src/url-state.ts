// The page's state in the URL's hash, so a link restores the program and the
// options: `#z=` + base64url of the deflated JSON (or `#j=` + base64url of the
// plain JSON where the browser has no CompressionStream).

import { DEFAULT_OPTIONS, type PlaygroundOptions } from "./compiler.ts";

export interface SharedState {
  code: string;
  options: PlaygroundOptions;
  diff: boolean;
}

interface Wire {
  v: 1;
  c: string;
  r: string;
  t: string;
  a: boolean;
  d?: boolean;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

export async function encodeState(state: SharedState): Promise<string> {
  const wire: Wire = { v: 1, c: state.code, r: state.options.runtime, t: state.options.sourceType, a: state.options.annotate };
  if (state.diff) wire.d = true;
  const json = new TextEncoder().encode(JSON.stringify(wire));
  if (typeof CompressionStream === "function") return `z=${toBase64Url(await pipe(json, new CompressionStream("deflate-raw")))}`;
  return `j=${toBase64Url(json)}`;
}

/** The state in a hash (with or without its "#"), or null when it holds none or cannot be read. */
export async function decodeState(hash: string): Promise<SharedState | null> {
  const match = /^#?([zj])=([A-Za-z0-9_-]*)$/.exec(hash);
  if (!match) return null;
  try {
    let bytes = fromBase64Url(match[2]);
    if (match[1] === "z") bytes = await pipe(bytes, new DecompressionStream("deflate-raw"));
    const wire = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Wire>;
    if (typeof wire.c !== "string") return null;
    const runtime = wire.r === "inline" || wire.r === "import" || wire.r === "global" ? wire.r : DEFAULT_OPTIONS.runtime;
    const sourceType = wire.t === "script" || wire.t === "module" ? wire.t : DEFAULT_OPTIONS.sourceType;
    return { code: wire.c, options: { runtime, sourceType, annotate: wire.a ?? DEFAULT_OPTIONS.annotate }, diff: wire.d === true };
  } catch {
    return null;
  }
}
