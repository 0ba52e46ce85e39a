/** Imported files: larger than this is the wrong file (or one to split). Kept apart from the parser so forms can import it. */
export const maxImportBytes = 50 * 1024 * 1024;
