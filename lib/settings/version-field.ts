import { z } from "zod";

/** The hidden version an admin form sends back: what it showed (lib/settings/version.ts). */
export const versionField = z.string().min(1).max(64);
