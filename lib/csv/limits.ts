/** Imported files: larger than this is the wrong file (or one to split). Kept apart from the parser so forms can import it. */
export const maxImportBytes = 50 * 1024 * 1024;
/** A report lists this many problems; its count says how many there are. */
export const listedIssues = 200;
/** Checking stops after this many problems: the file is refused anyway, and a hostile one costs no more. */
export const issueLimit = 1000;
