import { z } from "zod";

/** The questionnaire: one schema for the form and the server action. Messages are `errors.*` keys. */
export const eligibilityAnswersSchema = z.object({
  workFromHome: z.enum(["yes", "partly", "no"], { error: "answerRequired" }),
  confidentialPaper: z.enum(["yes", "no"], { error: "answerRequired" }),
  onSiteEquipment: z.enum(["yes", "no"], { error: "answerRequired" }),
  homeWorkspace: z.enum(["yes", "no"], { error: "answerRequired" }),
});

export type EligibilityAnswers = z.infer<typeof eligibilityAnswersSchema>;
export const eligibilityQuestions = ["workFromHome", "confidentialPaper", "onSiteEquipment", "homeWorkspace"] as const;
