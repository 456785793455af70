/** The English side of a section: exactly the keys of the French side, so a missing one is a type error. */
export type SectionMessages<French> = { readonly [K in keyof French]: string };
