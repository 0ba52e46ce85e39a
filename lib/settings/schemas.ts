import { z } from "zod";

export const vdiSettingsSchema = z.object({
  webUrl: z.url(),
  clients: z.array(z.object({ os: z.string().min(1), url: z.url() })).max(10),
});
export type VdiSettings = z.infer<typeof vdiSettingsSchema>;
export const defaultVdiSettings: VdiSettings = { webUrl: "https://vdi.invalid", clients: [] };

export const recommendationSettingsSchema = z.object({ vdi: z.array(z.string()), laptop: z.array(z.string()) });
