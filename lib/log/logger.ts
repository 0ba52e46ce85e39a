import pino from "pino";

// Structured JSON logs without personal data: anything that could carry an
// address, a token or an AVS number is redacted even if a caller slips.
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { app: "passerelle" },
  redact: {
    paths: [
      "email", "*.email", "to", "*.to", "identifier", "*.identifier",
      "token", "*.token", "url", "*.url", "avsNumber", "*.avsNumber",
      "password", "*.password", "secret", "*.secret",
    ],
    censor: "[redacted]",
  },
});
