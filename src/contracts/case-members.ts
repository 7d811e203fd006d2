import { z } from 'zod';
import { representative } from './cases.ts';
import { fullName, iin } from './common.ts';

// People in a mediation besides the parties and the mediator (R-MED-15): a party's representative
// (named by the party itself, with the power of attorney's number) and interpreters (added by the
// mediator). Field error messages are keys under `fields.`.

/** The representative a party names: the same fields as in the request (contracts/cases.ts). */
export const representativeInput = representative;
export type RepresentativeInput = z.infer<typeof representativeInput>;

/** A language by its ISO 639 code (kk, ru, uz, ug, …): the web names it in the reader's language. */
export const languageCode = z
  .string('required')
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'language_code_invalid');

export const interpreterInput = z.object({
  fullName,
  iin,
  /** The languages interpreted between: at least two, each once. */
  languages: z
    .array(languageCode, 'interpreter_languages_two')
    .min(2, 'interpreter_languages_two')
    .max(6, 'too_big')
    .refine((codes) => new Set(codes).size === codes.length, 'interpreter_languages_two'),
});
export type InterpreterInput = z.infer<typeof interpreterInput>;

export const interpreterParams = z.object({
  id: z.uuid('invalid_format'),
  interpreterId: z.uuid('invalid_format'),
});

/** A representative a party named, the current one or an earlier one (for the names in the room). */
export const representativeView = z.object({
  partyId: z.uuid(),
  fullName: z.string(),
  powerOfAttorney: z.string(),
  /** Only for the party itself, its representative and the mediator. */
  iin: z.string().nullable(),
  current: z.boolean(),
});

export const interpreterView = z.object({
  id: z.uuid(),
  fullName: z.string(),
  languages: z.array(z.string()),
  /** Only for the mediator, who added them. */
  iin: z.string().nullable(),
  active: z.boolean(),
  addedAt: z.iso.datetime(),
  removedAt: z.iso.datetime().nullable(),
});

/** An account that speaks in the room for someone: how its messages are labelled. */
export const roomPersonView = z.object({
  userId: z.uuid(),
  name: z.string(),
  as: z.enum(['representative', 'interpreter']),
  /** The party a representative acts for, and its name as the case gives it. */
  partyId: z.uuid().nullable(),
  partyName: z.string().nullable(),
});

export const caseMembersView = z.object({
  representatives: z.array(representativeView),
  interpreters: z.array(interpreterView),
  people: z.array(roomPersonView),
  /** The party (itself) may name, change or remove its representative now. */
  canManageRepresentative: z.boolean(),
  /** The mediator may add an interpreter now (the mediation is running). */
  canAddInterpreter: z.boolean(),
  /** The mediator may remove an interpreter. */
  canRemoveInterpreter: z.boolean(),
});
export type CaseMembersView = z.infer<typeof caseMembersView>;
