/**
 * Domain code throws this for an expected refusal. `key` is a message key
 * (namespace `errors`) that reaches the user, next to `field` when given.
 *
 * A refusal normally rolls back everything the transaction wrote. Some
 * refusals must leave a trace that survives (a wrong code counts towards the
 * lock-out, an attempt counts towards the rate limit): those are thrown with
 * `ActionError.keeping(...)`, and the transaction commits before the refusal
 * is returned — in the same connection, never a second one.
 */
export class ActionError extends Error {
  public keepsWrites = false;

  constructor(
    public readonly key: string,
    public readonly field?: string,
    public readonly values?: Record<string, string | number>,
  ) {
    super(key);
    this.name = "ActionError";
  }

  /** A refusal whose writes so far (failure counters, audit) are committed. */
  static keeping(key: string, field?: string, values?: Record<string, string | number>): ActionError {
    const error = new ActionError(key, field, values);
    error.keepsWrites = true;
    return error;
  }
}
