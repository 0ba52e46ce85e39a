import type { z } from "zod";
import { connectivitySettingsSchema, defaultConnectivitySettings } from "@/lib/connectivity/schema";
import { defaultRecommendationRules } from "@/lib/devices/rules";
import {
  cannedResponsesSchema,
  crisisSummarySettingsSchema,
  defaultCannedResponses,
  defaultCrisisSummarySettings,
  defaultHrContact,
  defaultRhtSettings,
  defaultSlaSettings,
  defaultVdiSettings,
  hrContactSchema,
  recommendationSettingsSchema,
  rhtSettingsSchema,
  slaSettingsSchema,
  vdiSettingsSchema,
} from "./schemas";

/** Every setting an admin edits at run time: its schema and the value used while none is stored. */
export const editableSettings = {
  connectivity: { schema: connectivitySettingsSchema, fallback: defaultConnectivitySettings },
  device_recommendations: { schema: recommendationSettingsSchema, fallback: defaultRecommendationRules },
  vdi: { schema: vdiSettingsSchema, fallback: defaultVdiSettings },
  sla_hours: { schema: slaSettingsSchema, fallback: defaultSlaSettings },
  canned_responses: { schema: cannedResponsesSchema, fallback: defaultCannedResponses },
  rht: { schema: rhtSettingsSchema, fallback: defaultRhtSettings },
  crisis_summary: { schema: crisisSummarySettingsSchema, fallback: defaultCrisisSummarySettings },
  hr_contact: { schema: hrContactSchema, fallback: defaultHrContact },
} satisfies Record<string, { schema: z.ZodType; fallback: unknown }>;
export type SettingKey = keyof typeof editableSettings;
export const settingKeys = Object.keys(editableSettings) as SettingKey[];
