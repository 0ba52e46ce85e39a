export * from "./roster";
export * from "./auth";
export * from "./onboarding";
export * from "./outbox";
export * from "./audit";
export * from "./system";
