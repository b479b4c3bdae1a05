import type { FormattedExecutionResult } from 'graphql';

/**
 * A kept answer (answer-cache.ts) serialised once rather than on every request that reuses it:
 * Apollo's `stringifyResult` gets the same text each time, and the response the same UTF-8
 * bytes. For the 104 counties × 5 years of scorecards (220 KB, Chinese names in it) the JSON
 * text and its UTF-8 encoding were almost all of the gateway's work per kept answer.
 *
 * The text is remembered by the kept answer's `data` object (the cache hands out that same
 * object on each hit, and a dropped answer takes its text with it); the bytes by the text,
 * for answers long enough that encoding them matters, within a byte budget. An answer with
 * errors or extensions is never kept and is always serialised as usual.
 */
export class KeptAnswerTexts {
  private readonly kept = new WeakSet<object>();
  private readonly texts = new WeakMap<object, string>();
  /** By text, oldest first: a Map looks a long string up by its length (V8 hashes no further), then by identity. */
  private readonly bytes = new Map<string, Buffer>();
  private bytesHeld = 0;

  constructor(
    /** The most bytes of encoded answers held at once. */
    private readonly maxBytes = 16 * 1024 * 1024,
    /** Texts shorter than this are encoded per request: cheap, and their lookup would hash them. */
    private readonly minTextLength = 16 * 1024,
  ) {}

  /** Marks a kept answer's data, whose text is then made once, when it is first sent. */
  keep(result: FormattedExecutionResult): void {
    if (result.data && !result.errors && !result.extensions) this.kept.add(result.data);
  }

  /** Forgets a kept answer that was dropped: its bytes go at once, its text with the answer. */
  drop(result: FormattedExecutionResult): void {
    const text = result.data ? this.texts.get(result.data) : undefined;
    const held = text === undefined ? undefined : this.bytes.get(text);
    if (held) {
      this.bytes.delete(text!);
      this.bytesHeld -= held.length;
    }
  }

  /** Apollo's stringifyResult: as Apollo's own (JSON and a newline), once per kept answer. */
  readonly stringify = (value: FormattedExecutionResult): string => {
    const data = value.data;
    if (!data || value.errors || value.extensions || !this.kept.has(data)) return `${JSON.stringify(value)}\n`;
    let text = this.texts.get(data);
    if (text === undefined) {
      text = `${JSON.stringify(value)}\n`;
      this.texts.set(data, text);
      if (text.length >= this.minTextLength) this.holdBytes(text);
    }
    return text;
  };

  /** The UTF-8 bytes of a kept answer's text, when they are held. */
  readonly bytesOf = (text: string): Buffer | undefined => (text.length >= this.minTextLength ? this.bytes.get(text) : undefined);

  private holdBytes(text: string): void {
    const encoded = Buffer.from(text);
    if (encoded.length > this.maxBytes) return;
    this.bytes.set(text, encoded);
    this.bytesHeld += encoded.length;
    for (const [oldest, held] of this.bytes) {
      if (this.bytesHeld <= this.maxBytes) break;
      this.bytes.delete(oldest);
      this.bytesHeld -= held.length;
    }
  }
}
