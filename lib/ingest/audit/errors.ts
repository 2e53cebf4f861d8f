/**
 * A record that cannot be turned into an audit event. The message is shown to
 * analysts next to the rejected line, so it names the problem in plain words
 * (which field, what was expected) rather than a stack-trace-style detail.
 */
export class RecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RecordError";
  }
}
