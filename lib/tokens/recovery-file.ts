// The recovery codes as a text file the browser makes (nothing goes back to the server).

export const recoveryCodesFileName = "passerelle-recovery-codes.txt";

/**
 * Heading, date, a blank line, one code per line, then an optional note. CRLF line
 * ends: Notepad on older Windows shows LF-only files as one line.
 */
export function recoveryCodesText({ heading, dateLine, codes, note }: { heading: string; dateLine: string; codes: string[]; note?: string }): string {
  const lines = [heading, dateLine, "", ...codes];
  if (note) lines.push("", note);
  return `${lines.join("\r\n")}\r\n`;
}
