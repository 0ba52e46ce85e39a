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

/** HR's decision on a review in its queue (/hr/reviews): the review ticket's number and the answer. */
export const reviewDecisionSchema = z.object({
  number: z.coerce.number({ error: "reviewNotPending" }).int().positive().max(Number.MAX_SAFE_INTEGER),
  outcome: z.enum(["eligible", "not_eligible"], { error: "answerRequired" }),
});
