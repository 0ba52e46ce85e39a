/**
 * Domain code throws this for an expected refusal. `key` is a message key
 * (namespace `errors`) that reaches the user, next to `field` when given.
 */
export class ActionError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
    public readonly values?: Record<string, string | number>,
  ) {
    super(key);
    this.name = "ActionError";
  }
}
