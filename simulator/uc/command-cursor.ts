// A cursor over the significant tokens of one Databricks statement, for the Unity Catalog command parser.
import { sqlError } from '../sql/errors';
import { type Token, isName, isWord, tokenize } from '../sql/tokens';

export class Cursor {
  private readonly all: Token[];
  private readonly sig: number[];
  private i = 0;

  constructor(readonly text: string) {
    this.all = tokenize(text, 'databricks');
    this.sig = this.all.flatMap((t, idx) => (t.kind === 'ws' || t.kind === 'comment' ? [] : [idx]));
  }

  peek(ahead = 0): Token | undefined {
    const idx = this.sig[this.i + ahead];
    return idx === undefined ? undefined : this.all[idx];
  }
  next(): Token | undefined {
    const t = this.peek();
    this.i++;
    return t;
  }
  done(): boolean {
    return this.i >= this.sig.length;
  }
  word(w: string): boolean {
    if (!isWord(this.peek(), w)) return false;
    this.i++;
    return true;
  }
  words(...ws: string[]): boolean {
    if (!ws.every((w, k) => isWord(this.peek(k), w))) return false;
    this.i += ws.length;
    return true;
  }
  punct(p: string): boolean {
    if (this.peek()?.text !== p) return false;
    this.i++;
    return true;
  }
  fail(): never {
    const near = this.peek()?.text ?? 'end of input';
    throw sqlError('PARSE_SYNTAX_ERROR', `Syntax error at or near '${near}'.`, '42601');
  }
  expectWord(w: string) {
    if (!this.word(w)) this.fail();
  }
  expectPunct(p: string) {
    if (!this.punct(p)) this.fail();
  }
  name(): string {
    const t = this.next();
    if (!isName(t)) {
      this.i--;
      this.fail();
    }
    return t.value;
  }
  qualified(): string[] {
    const parts = [this.name()];
    while (this.punct('.')) parts.push(this.name());
    return parts;
  }
  /** Raw text of every token from the current one to the end. */
  rest(): string {
    const idx = this.sig[this.i];
    return idx === undefined
      ? ''
      : this.all
          .slice(idx)
          .map((t) => t.text)
          .join('')
          .trim();
  }
  /** Texts of tokens up to (not including) a top-level `,` or `)`, joined by spaces. */
  untilListEnd(stopWords: string[] = []): string {
    const out: string[] = [];
    let depth = 0;
    for (let t = this.peek(); t; t = this.peek()) {
      if (depth === 0 && (t.text === ',' || t.text === ')' || stopWords.some((w) => isWord(t, w)))) break;
      if (t.text === '(' || t.text === '<') depth++;
      if (t.text === ')' || t.text === '>') depth--;
      out.push(t.text);
      this.next();
    }
    return out
      .join(' ')
      .replace(/\s*([(),<>:])\s*/g, '$1')
      .replace(/,/g, ', ');
  }
  end() {
    if (!this.done()) this.fail();
  }
}
