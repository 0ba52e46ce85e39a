import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./config";

export const messagesByLocale = { fr, de, en } as const satisfies Record<Locale, unknown>;
export type Messages = typeof en;
