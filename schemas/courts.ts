import { z } from 'zod';
import { Aliases, LocalizedName, Slug } from './common.ts';

/** One of the 20 first-level administrative units: 17 oblasts and Astana, Almaty, Shymkent. */
export const Region = z.strictObject({
  id: Slug,
  name: LocalizedName,
  kind: z.enum(['oblast', 'city']),
  /** Administrative centre, for display. */
  centre: LocalizedName.partial().optional(),
});
export type Region = z.infer<typeof Region>;

/** `content/courts/regions.yaml` */
export const RegionsFile = z.strictObject({ regions: z.array(Region).min(1) });

export const COURT_LEVELS = ['supreme', 'regional', 'district'] as const;
export const CourtLevel = z.enum(COURT_LEVELS);
export type CourtLevel = z.infer<typeof CourtLevel>;

/**
 * Specialisation: `general` courts hear all kinds; the rest are specialised (inter-district) courts.
 */
export const COURT_SPECIALISATIONS = [
  'general',
  'civil',
  'criminal',
  'administrative-offence',
  'administrative',
  'economic',
  'juvenile',
  'military',
  'investigative',
] as const;
export const CourtSpecialisation = z.enum(COURT_SPECIALISATIONS);
export type CourtSpecialisation = z.infer<typeof CourtSpecialisation>;

export const Court = z.strictObject({
  id: Slug,
  name: LocalizedName,
  level: CourtLevel,
  specialisation: CourtSpecialisation.default('general'),
  /** Region id; the Supreme Court, which sits in Astana but serves the whole country, has `null`. */
  region: Slug.nullable(),
  /** Other names the court appears under in documents (old names, abbreviations, other cases). */
  aliases: Aliases,
  /** Id of the court that hears appeals from this one (oblast court for a district court). */
  appeal_to: Slug.optional(),
});
export type Court = z.infer<typeof Court>;

/** `content/courts/<region>.yaml` (and `supreme.yaml`) */
export const CourtsFile = z.strictObject({ courts: z.array(Court).min(1) });
