// Input files are read as bytes and compiled only if they are UTF-8 text.
// Decoding anything else anyway would turn every invalid byte into U+FFFD
// and write a silently corrupted copy of the input; a file with a NUL byte
// is binary (an executable, an archive) or UTF-16, not a program. Every path
// that reads an input (a file, stdin, a worker of a folder build, --states)
// goes through `decodeSourceText`.

import { readFile } from "node:fs/promises";

export type SourceText = { kind: "text"; text: string } | { kind: "not-text"; reason: string };

/**
 * The text of a source file's bytes, or why they are not UTF-8 text. A byte
 * order mark is kept in the text, so a file that needs no lowering is
 * written back byte for byte.
 */
export function decodeSourceText(bytes: Uint8Array): SourceText {
  const utf16 = utf16ByteOrderMark(bytes);
  if (utf16) return notText(`not UTF-8 text: it starts with a ${utf16} byte order mark; save it as UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) return notText(`not a text file: it has a NUL byte (${where(bytes, nul)}), so it is binary or not UTF-8 text`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return notText(`not UTF-8 text: ${describeInvalidUtf8(bytes)}; save it as UTF-8`);
  }
  return { kind: "text", text };
}

/** Reads a file and decodes it; a file that cannot be read throws as readFile does. */
export async function readSourceFile(path: string): Promise<SourceText> {
  return decodeSourceText(await readFile(path));
}

/** Reads all of stdin and decodes it. */
export async function readSourceStdin(): Promise<SourceText> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return decodeSourceText(Buffer.concat(chunks));
}

function notText(reason: string): SourceText {
  return { kind: "not-text", reason };
}

function utf16ByteOrderMark(bytes: Uint8Array): string | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  return null;
}

/** "line 3, byte 41": the line of a byte offset, and the offset counted from 1. */
function where(bytes: Uint8Array, offset: number): string {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line += 1;
  return `line ${line}, byte ${offset + 1}`;
}

function hex(byte: number): string {
  return "0x" + byte.toString(16).toUpperCase().padStart(2, "0");
}

/**
 * Where the first ill-formed UTF-8 sequence is, for the message only (the
 * decoder has decided that there is one). Well-formed sequences are those of
 * the Unicode standard's table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF.
 */
function describeInvalidUtf8(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else if (lead <= 0xbf) {
      return `byte ${hex(lead)} continues a character that never started (${where(bytes, i)})`;
    } else {
      return `byte ${hex(lead)} is never valid in UTF-8 (${where(bytes, i)})`;
    }
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return `the file ends in the middle of a character (${where(bytes, i)})`;
      const next = bytes[i + k];
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) {
        const sequence = Array.from(bytes.subarray(i, i + k + 1), hex).join(" ");
        return `invalid byte sequence ${sequence} (${where(bytes, i)})`;
      }
    }
    i += length;
  }
  return "invalid byte sequence";
}
