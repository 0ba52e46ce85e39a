import { z } from "zod";

export const vdiSettingsSchema = z.object({
  webUrl: z.url(),
  clients: z.array(z.object({ os: z.string().min(1), url: z.url() })).max(10),
});
export type VdiSettings = z.infer<typeof vdiSettingsSchema>;
export const defaultVdiSettings: VdiSettings = { webUrl: "https://vdi.invalid", clients: [] };

export const recommendationSettingsSchema = z.object({ vdi: z.array(z.string()), laptop: z.array(z.string()) });

/** Time to answer a ticket, by priority, in hours. */
export const slaSettingsSchema = z.object({ urgent: z.number().positive(), high: z.number().positive(), normal: z.number().positive(), low: z.number().positive() });
export type SlaSettings = z.infer<typeof slaSettingsSchema>;
export const defaultSlaSettings: SlaSettings = { urgent: 1, high: 4, normal: 24, low: 72 };

/** Canned replies for IT, with {firstName} and {ticket} placeholders. */
export const cannedResponsesSchema = z.array(z.object({ id: z.string(), title: z.string(), body: z.string() })).max(100);
export type CannedResponse = z.infer<typeof cannedResponsesSchema>[number];
export const defaultCannedResponses: CannedResponse[] = [
  { id: "ssl", title: "Use the SSL VPN profile", body: "Hello {firstName},\n\nYour provider blocks the standard VPN. Please use the SSL VPN profile (port 443) described in your connection guide. It works on your connection.\n\nYour IT team (request #{ticket})" },
  { id: "router", title: "4G router on its way", body: "Hello {firstName},\n\nA 4G router is on its way to you. Once it is connected, please run the connection test again in Passerelle.\n\nYour IT team (request #{ticket})" },
  { id: "call", title: "We will call you", body: "Hello {firstName},\n\nWe will call you today to sort this out together. Please keep your phone at hand.\n\nYour IT team (request #{ticket})" },
];
