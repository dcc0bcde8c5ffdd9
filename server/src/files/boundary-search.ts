/**
 * busboy's boundary search done with Buffer#indexOf. busboy 1.6 looks for the part boundary with streamsearch,
 * a Boyer-Moore-Horspool loop in JavaScript that costs ~0.85 s of CPU per GiB of upload (the biggest single
 * cost of an upload, more than SHA-256); the native search costs ~0.13 s. This class keeps streamsearch's
 * contract exactly — the same callbacks with the same data, in the same order — so busboy's parser works on
 * unchanged: `cb(isMatch, data, start, end, isDataSafe)` gets every byte that is not part of a boundary once,
 * `isMatch` on the call that ends just before a boundary, and `isDataSafe` false when `data` is an internal
 * buffer the receiver must copy from (the held-back tail of an earlier chunk).
 */
export type SearchCallback = (isMatch: boolean, data: Buffer | undefined, start: number, end: number, isDataSafe: boolean) => void;

export class BoundarySearch {
  matches = 0;
  maxMatches = Infinity;
  /** The end of the previous chunk that may be the start of a boundary: held back until the next chunk tells. */
  private tail: Buffer;
  private tailSize: number;

  constructor(private readonly needle: Buffer, private readonly cb: SearchCallback, heldBack?: Buffer) {
    this.tail = Buffer.allocUnsafe(needle.length);
    this.tailSize = heldBack?.length ?? 0;
    heldBack?.copy(this.tail);
  }

  reset(): void {
    this.matches = 0;
    this.tailSize = 0;
  }

  push(chunk: Buffer, pos = 0): number {
    const { needle, cb } = this;
    const needleLen = needle.length;
    const len = chunk.length;
    let at = pos;
    if (this.tailSize > 0) {
      // A boundary starting in the held-back tail ends within the first needleLen - 1 bytes of this chunk.
      const tailSize = this.tailSize;
      const joined = Buffer.concat([this.tail.subarray(0, tailSize), chunk.subarray(at, at + needleLen - 1)]);
      const found = joined.indexOf(needle);
      if (found !== -1) {
        this.tailSize = 0;
        this.matches++;
        if (found > 0) cb(true, this.tail, 0, found, false); else cb(true, undefined, 0, 0, true);
        at += found + needleLen - tailSize;
      } else {
        const partial = joined.length < tailSize + needleLen - 1 ? partialStart(joined, needle, 0, tailSize) : -1;
        if (partial !== -1) {
          // The chunk was too short to tell: everything is still a possible boundary start.
          if (partial > 0) cb(false, this.tail, 0, partial, false);
          this.tailSize = joined.length - partial;
          joined.copy(this.tail, 0, partial);
          return len;
        }
        this.tailSize = 0;
        cb(false, this.tail, 0, tailSize, false);
      }
    }
    while (at <= len && this.matches < this.maxMatches) {
      const found = chunk.indexOf(needle, at);
      if (found === -1) break;
      this.matches++;
      if (found > at) cb(true, chunk, at, found, true); else cb(true, undefined, 0, 0, true);
      at = found + needleLen;
    }
    if (this.matches >= this.maxMatches) return at;
    const partial = partialStart(chunk, needle, Math.max(at, len - needleLen + 1), len);
    const safeEnd = partial === -1 ? len : partial;
    if (safeEnd > at) cb(false, chunk, at, safeEnd, true);
    if (partial !== -1) {
      chunk.copy(this.tail, 0, partial, len);
      this.tailSize = len - partial;
    }
    return len;
  }

  /** The end of the input: a held-back tail was data after all. */
  destroy(): void {
    if (this.tailSize) this.cb(false, this.tail, 0, this.tailSize, false);
    this.reset();
  }
}

/** The first position in [from, before) where `data` ends with a proper prefix of `needle`, or -1. */
function partialStart(data: Buffer, needle: Buffer, from: number, before: number): number {
  const len = data.length;
  for (let at = data.indexOf(needle[0]!, from); at !== -1 && at < before; at = data.indexOf(needle[0]!, at + 1)) {
    if (len - at < needle.length && data.compare(needle, 0, len - at, at, len) === 0) return at;
  }
  return -1;
}

interface StreamSearchLike { push: unknown; _cb: unknown; _needle: unknown; _lookbehind: unknown; _lookbehindSize: unknown; matches: unknown }

/**
 * Swaps the streamsearch instance inside a busboy multipart parser for a BoundarySearch that carries on where
 * it stands (busboy has already fed it the CRLF that precedes the first boundary). Leaves the parser alone
 * (and returns false) if its internals are not the ones of busboy 1.6 this was written for.
 */
export function useNativeBoundarySearch(parser: unknown): boolean {
  const target = parser as { _bparser?: StreamSearchLike };
  const old = target._bparser;
  if (!old || typeof old.push !== 'function' || typeof old._cb !== 'function' || !Buffer.isBuffer(old._needle)
    || !Buffer.isBuffer(old._lookbehind) || typeof old._lookbehindSize !== 'number' || old.matches !== 0) return false;
  target._bparser = new BoundarySearch(old._needle, old._cb as SearchCallback, old._lookbehind.subarray(0, old._lookbehindSize)) as unknown as StreamSearchLike;
  return true;
}
