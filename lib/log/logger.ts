import pino, { type DestinationStream } from "pino";
import { serializeError } from "./errors";

// Structured JSON logs without personal data: anything that could carry an
// address, a token or an AVS number is redacted even if a caller slips.
// Errors go through serializeError: a database error's query parameters
// (addresses, token hashes) never reach a line.
export function createLogger(destination?: DestinationStream) {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL || "info",
    base: { app: "passerelle" },
    serializers: { err: serializeError, error: serializeError },
    // `logger.error(err)` would use the raw message as the line's msg: route it through the serializer.
    hooks: {
      logMethod(args, method) {
        if (args[0] instanceof Error) return method.apply(this, [{ err: args[0] }, typeof args[1] === "string" ? args[1] : "error", ...args.slice(2)] as never);
        return method.apply(this, args);
      },
    },
    redact: {
      paths: [
        "email", "*.email", "to", "*.to", "identifier", "*.identifier",
        "token", "*.token", "url", "*.url", "avsNumber", "*.avsNumber",
        "password", "*.password", "secret", "*.secret",
        "query", "*.query", "params", "*.params", "parameters", "*.parameters",
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
