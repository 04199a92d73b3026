/**
 * An error the user caused and can fix (bad input, refused URL, missing file). The CLI
 * prints its message as one line, without a stack trace unless --debug.
 */
export class InputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
  }
}
