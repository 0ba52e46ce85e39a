// Nothing to start: without this file Turbopack, whose root is the repository (its lockfile),
// builds the app's own instrumentation into the bare yardstick (and it asks for a database).
export function register() {}
