/** The reason a decided review leaves on the case, in three languages (IT's decision on the ticket, and the demo's). */
export const reviewedReasons = {
  eligible: { fr: "Situation examinée par l’IT et les RH : le télétravail est possible.", de: "Von IT und HR geprüft: Homeoffice ist möglich.", en: "Reviewed by IT and HR: telework is possible." },
  not_eligible: { fr: "Situation examinée par l’IT et les RH : le télétravail n’est pas possible pour le moment.", de: "Von IT und HR geprüft: Homeoffice ist im Moment nicht möglich.", en: "Reviewed by IT and HR: telework is not possible for now." },
} as const;
