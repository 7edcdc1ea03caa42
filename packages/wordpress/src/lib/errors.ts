/** The importer's own refusals: a message for the person running it, printed without a stack. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
